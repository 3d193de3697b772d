"""The theme's stylesheets without the rules for markup this site never has.

Material ships one stylesheet for every feature it offers (blog posts, cookie consent,
keyboard keys, code tabs, version selectors...). A third of it matches nothing here, and
every page paid for it twice: about 6 KB more to download, and more selectors to test in
each of the style passes the theme's script forces at start-up (scripts/benchmark.py).

After the build, a selector is left out when it names a class that appears in no built
page, no inline script and not in the theme's own script, which adds classes as it runs.
Classes inside :not(), :is(), :where() and :has() never count against a selector, so a
rule is only ever dropped when it cannot match. The slimmer file is named by its own hash,
so no browser keeps a copy that lacks a class a newer page uses, and every page links it.

The palette stylesheet, inline on every page (hooks/critical_path.py), holds the theme's
nineteen primary and accent colours; the palette options in mkdocs.yml choose one. A
selector that needs another colour on the body is left out too: 11.9 KB become 2.6 KB.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from pathlib import Path

import tinycss2

CLASS_ATTR = re.compile(r'\bclass=(?:"([^"]*)"|([^\s>]+))')
SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script>", re.DOTALL)
WORD = re.compile(r"[A-Za-z_][\w-]*")
GROUPING = {"media", "supports", "container", "layer"}  # at-rules that hold ordinary rules
PALETTE = {"primary": "data-md-color-primary", "accent": "data-md-color-accent"}  # option -> body attribute
Palette = frozenset[tuple[str, str]]  # (attribute, value) pairs


def names_in_use(pages: Iterable[str], scripts: Iterable[str]) -> set[str]:
    """Every class a page's markup carries, and every word of every script, any of which may
    become a class when the script runs."""
    names: set[str] = set()
    for html in pages:
        for quoted, bare in CLASS_ATTR.findall(html):
            names.update((quoted or bare).split())
        for script in SCRIPT.findall(html):
            names.update(WORD.findall(script))
    for script in scripts:
        names.update(WORD.findall(script))
    return names


def _classes(selector: list) -> set[str]:
    """Classes a selector requires; arguments of functional pseudo-classes are not looked at."""
    return {token.value for dot, token in zip(selector, selector[1:])
            if dot.type == "literal" and dot.value == "." and token.type == "ident"}


def palette_in_use(palette: list[dict] | dict) -> Palette:
    """The colours the palette options of mkdocs.yml can put on the body; an option that names
    none gets the theme's indigo (its base.html)."""
    options = palette if isinstance(palette, list) else [palette]
    return frozenset((attribute, str(option.get(key) or "indigo").replace(" ", "-"))
                     for option in options for key, attribute in PALETTE.items())


def _palette_colours(selector: list) -> set[tuple[str, str]]:
    """Palette colours a selector requires, as in [data-md-color-primary=indigo]."""
    pairs = set()
    for token in selector:
        if token.type == "[] block":
            parts = [part for part in token.content if part.type != "whitespace"]
            if (len(parts) == 3 and parts[0].type == "ident" and parts[0].value in PALETTE.values()
                    and parts[1].type == "literal" and parts[1].value == "=" and parts[2].type in ("ident", "string")):
                pairs.add((parts[0].value, parts[2].value))
    return pairs


def _selectors(prelude: list) -> list[list]:
    groups: list[list] = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            groups.append([])
        else:
            groups[-1].append(token)
    return groups


def _rules(rules: list, needed: Callable[[list], bool]) -> str:
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [s for s in _selectors(rule.prelude) if needed(s)]
            if selectors:
                prelude = ",".join(tinycss2.serialize(s).strip() for s in selectors)
                kept.append(f"{prelude}{{{tinycss2.serialize(rule.content)}}}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in GROUPING and rule.content is not None:
            inner = _rules(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), needed)
            if inner:
                kept.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{inner}}}")
        elif rule.type == "at-rule":
            kept.append(rule.serialize())
    return "".join(kept)


def drop_unused_rules(css: str, used: set[str] | None = None, palette: Palette | None = None) -> str:
    """The stylesheet without the selectors that need a class outside `used` or a palette colour
    outside `palette`; None leaves that kind of selector alone."""
    def needed(selector: list) -> bool:
        return ((used is None or _classes(selector) <= used)
                and (palette is None or _palette_colours(selector) <= palette))
    return _rules(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), needed)


def slim_theme_stylesheet(site_dir: Path, palette: Palette | None = None) -> tuple[str, str]:
    """Rewrite the built site with the slimmer stylesheet; returns the old and new file names."""
    found = sorted((site_dir / "assets" / "stylesheets").glob("main.*.min.css"))
    if len(found) != 1:
        raise FileNotFoundError(f"{site_dir}/assets/stylesheets: expected one theme stylesheet main.*.min.css, "
                                f"found {[path.name for path in found]}")
    old = found[0]
    pages = {path: path.read_text(encoding="utf-8") for path in sorted(site_dir.rglob("*.html"))}
    scripts = [path.read_text(encoding="utf-8") for path in (site_dir / "assets" / "javascripts").glob("bundle.*.js")]
    css = drop_unused_rules(old.read_text(encoding="utf-8"), names_in_use(pages.values(), scripts), palette)
    new = old.with_name(f"main.{hashlib.sha256(css.encode()).hexdigest()[:8]}.min.css")
    if new == old:  # already slim
        return old.name, new.name
    new.write_text(css, encoding="utf-8")
    for path in (old, old.with_name(old.name + ".map")):
        path.unlink(missing_ok=True)
    for path, html in pages.items():
        if old.name in html:
            path.write_text(html.replace(old.name, new.name), encoding="utf-8")
    return old.name, new.name
