"""A self-contained HTML report of an index: coverage chart (inline SVG), people, documents,
statistics, each article linked to its URL; no script, stylesheet, font or image is fetched."""
from __future__ import annotations

import re

import jinja2
import vl_convert
from markupsafe import Markup

from data.clock import utcnow
from data.output import plain_number
from data.search import ARTICLE_DAY, article_filters

_TEMPLATE = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
<style>
body { font-family: sans-serif; margin: 2em auto; max-width: 70em; padding: 0 1em; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; margin: 0.5em 0; font-size: 0.9em; }
th, td { border: 1px solid #ddd; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
th { background: #f4f4f4; } td.n { text-align: right; }
.note { color: #666; font-size: 0.9em; }
figure { margin: 1em 0; overflow-x: auto; }
</style>
</head>
<body>
<h1>{{ title }}</h1>
<p class="note">Articles: {{ scope }}. {{ articles }} article(s). Made {{ made }} by vnportal report.</p>

<section id="coverage">
<h2>1. Coverage: articles per site and month</h2>
{% if coverage %}<figure>{{ chart }}</figure>
<table><tr><th>month</th>{% for site in sites %}<th>{{ site }}</th>{% endfor %}<th>all</th></tr>
{% for month, counts in coverage %}<tr><td>{{ month }}</td>{% for site in sites %}<td class="n">{{ counts.get(site, "") }}</td>{% endfor %}<td class="n">{{ counts.values() | sum }}</td></tr>
{% endfor %}</table>
{% else %}<p>No articles.</p>{% endif %}
</section>

<section id="people">
<h2>2. People most present</h2>
<p class="note">{{ people | length }} of {{ people_total }} people, most articles first.</p>
<table><tr><th>name</th><th>positions</th><th>articles</th><th>first seen</th><th>last seen</th><th>latest article</th></tr>
{% for person, article in people %}<tr><td>{{ person.name }}</td><td>{{ person.positions | join("; ") }}</td><td class="n">{{ person.article_count }}</td><td>{{ person.first_seen or "" }}</td><td>{{ person.last_seen or "" }}</td><td>{{ link(article) }}</td></tr>
{% endfor %}</table>
</section>

<section id="documents">
<h2>3. Documents most cited</h2>
<p class="note">{{ documents | length }} of {{ documents_total }} documents, most articles first.</p>
<table><tr><th>document</th><th>key</th><th>type</th><th>articles</th><th>first cited</th><th>last cited</th><th>latest article</th></tr>
{% for document, article in documents %}<tr><td>{{ document.document }}</td><td>{{ document.key }}</td><td>{{ document.doc_type or "" }}</td><td class="n">{{ document.article_count }}</td><td>{{ document.first_cited or "" }}</td><td>{{ document.last_cited or "" }}</td><td>{{ link(article) }}</td></tr>
{% endfor %}</table>
</section>

<section id="statistics">
<h2>4. Statistics</h2>
<p class="note">{{ statistics | length }} of {{ statistics_total }} statistics, newest articles first.</p>
<table><tr><th>date</th><th>value</th><th>unit</th><th>kind</th><th>as written</th><th>article</th></tr>
{% for row in statistics %}<tr><td>{{ row.article_date }}</td><td class="n">{% if row.value is not none %}{{ number(row.value) }}{% endif %}{% if row.denominator is not none %}/{{ number(row.denominator) }}{% endif %}</td><td>{{ row.unit_text or "" }}</td><td>{{ row.kind }}</td><td>{{ row.text }}</td><td>{{ link(row) }}</td></tr>
{% endfor %}</table>
</section>
</body>
</html>
"""
_WEB_ADDRESS = re.compile(r"https?://", re.IGNORECASE)
_SVG_NAMESPACES = re.compile(r' xmlns(?::xlink)?="[^"]*"')  # implied by HTML; dropped so no address is left


def _link(article: dict | None) -> Markup | str:
    """An article's title linked to its URL (plain text unless the URL is a web address)."""
    if not article:
        return ""
    title = article["title"] or article["url"]
    if not _WEB_ADDRESS.match(article["url"] or ""):
        return title
    return Markup('<a href="{}">{}</a>').format(article["url"], title)


def _coverage(db, where: str, params: list) -> list[dict]:
    """Articles per site and month (YYYY-MM) of the articles ``where`` keeps."""
    rows = db.execute(f"SELECT a.site, substr({ARTICLE_DAY}, 1, 7) AS month, count(*) FROM articles a "
                      f"WHERE 1{where} GROUP BY 1, 2 ORDER BY 2, 1", params)
    return [{"site": site, "month": month, "articles": count} for site, month, count in rows]


def _chart(coverage: list[dict]) -> str:
    """Stacked bars of articles per month, one colour per site, as inline SVG (rendered offline)."""
    spec = {
        "data": {"values": coverage},
        "mark": "bar",
        "width": {"step": 28},
        "height": 220,
        "encoding": {
            "x": {"field": "month", "type": "ordinal", "title": "month"},
            "y": {"field": "articles", "type": "quantitative", "title": "articles"},
            "color": {"field": "site", "type": "nominal", "title": "site"},
            "tooltip": [{"field": "site"}, {"field": "month"}, {"field": "articles"}],
        },
    }
    svg = vl_convert.vegalite_to_svg(spec)
    return _SVG_NAMESPACES.sub("", svg[:svg.index(">")]) + svg[svg.index(">"):]


def _latest_article(db, table: str, column: str, value, where: str, params: list) -> dict | None:
    """The newest article ``where`` keeps that mentions ``value`` (``column`` of mentions ``table``)."""
    row = db.execute(f"SELECT a.title, a.url FROM {table} m JOIN articles a ON a.id = m.article_id "
                     f"WHERE m.{column} = ?{where} ORDER BY {ARTICLE_DAY} DESC, a.id DESC LIMIT 1",
                     [value, *params]).fetchone()
    return {"title": row[0], "url": row[1]} if row else None


def report_html(index, site: str | None = None, since: str | None = None, until: str | None = None,
                top: int = 50) -> str:
    """The report on the articles of ``site`` dated ``since``..``until`` (data.search.article_filters),
    ``top`` rows at most per list; a bad date raises QueryError."""
    db = index.db
    where, params = article_filters(site=site, since=since, until=until)
    filters = dict(site=site, since=since, until=until)
    coverage = _coverage(db, where, params)
    months: dict[str, dict[str, int]] = {}
    for row in coverage:
        months.setdefault(row["month"], {})[row["site"]] = row["articles"]
    people, documents = index.officials(**filters), index.directives(**filters)
    statistics = index.statistics(**filters)
    scope = ", ".join(f"{name} {value}" for name, value in filters.items() if value) or "all"
    environment = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    return environment.from_string(_TEMPLATE).render(
        title="vnportal report" + (f": {site}" if site else ""), scope=scope,
        made=utcnow().strftime("%Y-%m-%d %H:%M UTC"),
        articles=sum(row["articles"] for row in coverage),
        coverage=sorted(months.items()), sites=sorted({row["site"] for row in coverage}),
        chart=Markup(_chart(coverage)) if coverage else "",
        people=[(person, _latest_article(db, "official_mentions", "person_id", person.id, where, params))
                for person in people[:top]], people_total=len(people),
        documents=[(document, _latest_article(db, "directive_mentions", "directive_key", document.key, where, params))
                   for document in documents[:top]], documents_total=len(documents),
        statistics=statistics[:top], statistics_total=len(statistics),
        link=_link, number=plain_number)
