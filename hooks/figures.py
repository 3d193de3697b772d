"""Figures drawn at build time from the dataset, as inline SVG: no chart library in the browser.

Pure functions (records in, SVG text out). Colours are CSS classes whose values
extra.css sets for the light and the dark palette; text uses currentColor. Each figure
has a <title> and a <desc> that states what it shows, and scales to the screen's width.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from functools import cache
from html import escape
from pathlib import Path

import pycountry

from dataset import Agreement, Organisation, Record, State, is_member, year
from schema import DATA_DIR

WORLD = DATA_DIR / "natural-earth" / "countries-50m.json"
FIRST_YEAR = 1935


def _svg(width: int, height: int, title: str, desc: str, body: str, ident: str) -> str:
    return (f'<svg class="data-svg" viewBox="0 0 {width} {height}" role="img" '
            f'aria-labelledby="{ident}-title {ident}-desc" xmlns="http://www.w3.org/2000/svg">'
            f'<title id="{ident}-title">{escape(title)}</title><desc id="{ident}-desc">{escape(desc)}</desc>'
            f"{body}</svg>")


# ---------------------------------------------------------------------------
# Timeline: agreements, organisations and exercise series, 1937 to now
# ---------------------------------------------------------------------------

def timeline_svg(dataset: dict[str, list[Record]], this_year: int | None = None) -> str:
    this_year = this_year or dt.date.today().year
    rows = []
    for record in dataset.get("organisations", []):
        rows.append((year(record.founded), "organisations", record.name, year(record.ended) or this_year))
    for record in dataset.get("agreements", []):
        end = year(record.ended) or (this_year if record.status == "in force" else year(record.signed))
        rows.append((year(record.signed), "agreements", record.name, end))
    for record in dataset.get("exercises", []):
        rows.append((record.earliest_year(), "exercises", record.name, max([record.earliest_year(), *record.editions])))
    rows.sort(key=lambda row: (row[0], row[2]))
    left, right, top, step = 250, 700, 44, 15
    height = top + step * len(rows) + 10

    def x(value: int) -> float:
        return left + (value - FIRST_YEAR) / (this_year + 1 - FIRST_YEAR) * (right - left)

    body = [f'<line class="fig-axis" x1="{x(y):.1f}" y1="14" x2="{x(y):.1f}" y2="{height - 6}"/>'
            f'<text class="fig-label" x="{x(y):.1f}" y="11" text-anchor="middle">{y}</text>'
            for y in range(1940, this_year + 1, 10)]
    body = [line.replace('y1="14"', f'y1="{top - 4}"') for line in body]
    for n, (start, kind, name, finish) in enumerate(rows):
        y_mid = top + n * step + step / 2
        label = escape(name if len(name) <= 42 else name[:40] + "…")
        body.append(f'<text class="fig-label" x="{left - 6}" y="{y_mid + 4:.1f}" text-anchor="end">{label}</text>')
        if finish > start:
            body.append(f'<rect class="fig-{kind}" x="{x(start):.1f}" y="{y_mid - 4:.1f}" '
                        f'width="{x(finish + 1) - x(start):.1f}" height="8" rx="2"/>')
        body.append(f'<circle class="fig-{kind}" cx="{x(start):.1f}" cy="{y_mid:.1f}" r="4"/>')
    legend = (("organisations", "Organisation (to its end, or today)"), ("agreements", "Agreement (to its end, or today if in force)"),
              ("exercises", "Exercise series (to its last confirmed edition)"))
    for n, (kind, label) in enumerate(legend):
        body.append(f'<circle class="fig-{kind}" cx="{8 + n * 240}" cy="30" r="4"/>'
                    f'<text class="fig-label" x="{16 + n * 240}" y="34">{label}</text>')
    counts = {kind: sum(1 for row in rows if row[1] == kind) for kind in ("agreements", "organisations", "exercises")}
    desc = (f"A timeline from {FIRST_YEAR} to {this_year} of {counts['agreements']} agreements, "
            f"{counts['organisations']} organisations and {counts['exercises']} exercise series, one row each, "
            "ordered by the year each began; bars run to the year each ended, to today for organisations and agreements "
            "in force, and to the last confirmed edition for exercise series.")
    return _svg(720, height, "Chronology of agreements, organisations and exercises", desc, "".join(body), "timeline")


# ---------------------------------------------------------------------------
# Maps: choropleths of membership from Natural Earth boundaries
# ---------------------------------------------------------------------------

BOUNDS = (-95.0, 155.0, 62.0, -42.0)  # west, east, north, south: the OIC's members and their partners
MAP_WIDTH = 720


@cache
def _world() -> list[tuple[str, list[list[tuple[float, float]]]]]:
    """(ISO alpha-3, rings of (lon, lat)) for each country of the Natural Earth file."""
    topo = json.loads(Path(WORLD).read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring(indices: list[int]) -> list[tuple[float, float]]:
        points: list[tuple[float, float]] = []
        for index in indices:
            arc = arcs[index] if index >= 0 else arcs[~index][::-1]
            points.extend(arc[1:] if points else arc)
        return points

    countries = []
    for geometry in topo["objects"]["countries"]["geometries"]:
        country = pycountry.countries.get(numeric=geometry.get("id", "")) if geometry.get("id") else None
        if not country:
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        countries.append((country.alpha_3, [ring(r) for polygon in polygons for r in polygon]))
    return countries


def _project(lon: float, lat: float) -> tuple[float, float]:
    west, east, north, south = BOUNDS
    scale = MAP_WIDTH / (east - west)
    return (lon - west) * scale, (north - lat) * scale


def _simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Radial-distance simplification: keep a point only once it is `tolerance` pixels from the last kept."""
    kept = [points[0]]
    for x, y in points[1:]:
        if math.hypot(x - kept[-1][0], y - kept[-1][1]) >= tolerance:
            kept.append((x, y))
    return kept


def _path(rings: list[list[tuple[float, float]]], tolerance: float = 2.0) -> str:
    """An SVG path in relative moves: each ring projected, simplified and rounded to whole pixels."""
    parts = []
    for ring in rings:
        points = _simplify([_project(lon, lat) for lon, lat in ring], tolerance)
        rounded = []
        for x, y in points:
            point = (round(x), round(y))
            if not rounded or point != rounded[-1]:
                rounded.append(point)
        if len(rounded) < 3:
            continue  # too small to draw at this scale; see _shape for small states
        (x0, y0), steps = rounded[0], []
        for (xa, ya), (xb, yb) in zip(rounded, rounded[1:]):
            steps.append(f"{xb - xa},{yb - ya}")
        parts.append(f"M{x0},{y0}l" + " ".join(steps) + "z")
    return "".join(parts)


def _shape(rings: list[list[tuple[float, float]]]) -> str:
    """The country's outline, or for a state too small to draw (Bahrain, the Maldives) a dot."""
    path = _path(rings)
    if path:
        return f'd="{path}"'
    points = [_project(lon, lat) for ring in rings for lon, lat in ring]
    x, y = sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)
    return f'd="M{x - 3:.0f},{y:.0f}a3,3 0 1,0 6,0a3,3 0 1,0 -6,0z"'


@cache
def _map_paths() -> dict[str, str]:
    return {code: _shape(rings) for code, rings in _world()}


def map_svg(ident: str, title: str, groups: dict[str, set[str]], desc: str) -> str:
    """A map where each group (CSS class -> country codes) is filled in its own colour."""
    west, east, north, south = BOUNDS
    height = round(_project(east, south)[1])
    body = [f'<rect class="fig-sea" width="{MAP_WIDTH}" height="{height}"/>']
    for code, shape in sorted(_map_paths().items()):
        css = next((group for group, codes in groups.items() if code in codes), "fig-land")
        body.append(f'<path class="{css}" {shape}><title>{escape(_name(code))}</title></path>')
    return _svg(MAP_WIDTH, height, title, desc, "".join(body), ident)


def _name(code: str) -> str:
    country = pycountry.countries.get(alpha_3=code)
    return getattr(country, "common_name", None) or country.name


def oic_map(states: list[State]) -> str:
    members = {s.id for s in states if s.oic_status == "member"}
    observers = {s.id for s in states if s.oic_status == "observer"}
    desc = (f"A map of {len(members)} OIC member states and {len(observers)} observer states, "
            "from West Africa and South America to Southeast Asia; members are filled, observers lightly filled.")
    return map_svg("map-oic", "OIC member and observer states", {"fig-member": members, "fig-observer": observers}, desc)


def organisation_map(organisation: Organisation, on: str | None = None) -> str:
    on = on or str(dt.date.today().year)
    current = {s.state for s in organisation.members if is_member(s, on)}
    former = {s.state for s in organisation.members} - current
    name = organisation.acronym or organisation.name
    desc = (f"A map of the {len(current)} current and {len(former)} former members of the {organisation.name}: "
            "current members are filled, former members lightly filled.")
    return map_svg(f"map-{organisation.id}", f"Members of the {name}", {"fig-member": current, "fig-observer": former}, desc)


# ---------------------------------------------------------------------------
# Matrix: which states are tied to which by agreements
# ---------------------------------------------------------------------------

def agreement_matrix_svg(agreements: list[Agreement]) -> str:
    """A symmetric matrix: a cell is filled when two states share at least one agreement (darker: defense)."""
    states = sorted({party for agreement in agreements for party in agreement.parties})
    ties: dict[tuple[str, str], str] = {}
    for agreement in agreements:
        for a in agreement.parties:
            for b in agreement.parties:
                if a != b and ties.get((a, b)) != "defense":
                    ties[(a, b)] = "defense" if agreement.type == "defense" else "other"
    cell, margin = 14, 40
    size = margin + cell * len(states) + 4
    body = []
    for i, code in enumerate(states):
        position = margin + i * cell + cell / 2 + 4
        body.append(f'<text class="fig-label fig-small" x="{margin - 4}" y="{position:.1f}" text-anchor="end">{code}</text>')
        body.append(f'<text class="fig-label fig-small" x="{position:.1f}" y="{margin - 4}" '
                    f'transform="rotate(-90 {position:.1f} {margin - 4})">{code}</text>')
    for (a, b), kind in sorted(ties.items()):
        i, j = states.index(a), states.index(b)
        body.append(f'<rect class="fig-tie-{kind}" x="{margin + j * cell}" y="{margin + i * cell}" '
                    f'width="{cell - 1}" height="{cell - 1}"><title>{a}–{b}</title></rect>')
    pairs = len(ties) // 2
    desc = (f"A matrix of {len(states)} states; {pairs} pairs share at least one recorded agreement. "
            "Dark cells mark pairs bound by a defense agreement, light cells pairs tied only by other agreements.")
    return _svg(size, size, "Which states are tied by agreements", desc, "".join(body), "matrix")
