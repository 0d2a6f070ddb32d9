"""Link charts: `--format dot` drawn by GraphViz to SVG, `--format graphml` read as XML, `mq run --chart`.

Run from the repository root: python3 -m pytest -q Tests/export (MQ_BIN overrides the binary path).
`make test` installs GraphViz (`make deps`).
"""
import html
import os
import re
import subprocess
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MQ = os.environ.get("MQ_BIN", os.path.join(ROOT, ".build", "debug", "mq"))
SEEDS = os.path.join(ROOT, "seeds")


def mq(fmt, query):
    out = subprocess.run([MQ, "--corpus", SEEDS, "--format", fmt, "-c", query], capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_dot_of_cooccurrence_renders_to_svg_with_every_node(tmp_path):
    dot = mq("dot", "mentions | cooccur by sentence | take 25")
    nodes = re.findall(r'^  "([^"]+)" \[label=', dot, re.M)
    assert len(nodes) >= 5 and len(set(nodes)) == len(nodes)
    svg = subprocess.run(["dot", "-Tsvg"], input=dot, capture_output=True, text=True, timeout=60)
    assert svg.returncode == 0, svg.stderr
    titles = set(html.unescape(t) for t in re.findall(r'<g id="node\d+" class="node">\s*<title>([^<]+)</title>', svg.stdout))
    assert titles == set(nodes)
    assert len(re.findall(r'class="edge"', svg.stdout)) == 25


def test_dot_of_facts_is_directed_and_labelled_with_the_predicate():
    # leadership.yaml: three articles (000, 003, 004) say Akram al-Kaabi leads Harakat al-Nujaba; 004 also
    # names him among the leaders of Asaib Ahl al-Haq at its formation.
    dot = mq("dot", 'facts | where subject == ent("akram-al-kaabi") and predicate == "leads"')
    assert dot.startswith("digraph mq {")
    assert '"akram-al-kaabi" [label="Akram al-Kaabi", type="person"' in dot
    assert '"harakat-al-nujaba" [label="Harakat al-Nujaba", type="armed_group"' in dot
    edges = sorted(line for line in dot.splitlines() if "->" in line)
    assert len(edges) == 2
    assert '"akram-al-kaabi" -> "asaib-ahl-al-haq" [label="leads", weight=1,' in edges[0]
    assert 'documents="004_8585b73594fa1f5e"' in edges[0]
    assert '"akram-al-kaabi" -> "harakat-al-nujaba" [label="leads", weight=3,' in edges[1]
    assert 'documents="000_40a7b08fdfb61403,003_adf714cf9f5e1bca,004_8585b73594fa1f5e"' in edges[1]


def test_graphml_is_xml_with_typed_nodes_and_weighted_edges():
    text = mq("graphml", "mentions | cooccur by document | take 10")
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.fromstring(text)
    graph = root.find("g:graph", ns)
    assert graph.get("edgedefault") == "undirected"
    ids = {n.get("id") for n in graph.findall("g:node", ns)}
    edges = graph.findall("g:edge", ns)
    assert len(edges) == 10
    for e in edges:
        assert e.get("source") in ids and e.get("target") in ids
        data = {d.get("key"): d.text for d in e.findall("g:data", ns)}
        assert float(data["weight"]) >= 1 and data["documents"]
    for n in graph.findall("g:node", ns):
        data = {d.get("key"): d.text for d in n.findall("g:data", ns)}
        assert data["label"] and data["type"]


def test_run_chart_draws_the_last_table_and_explains_a_missing_graphviz(tmp_path):
    script = tmp_path / "c.mq"
    script.write_text('facts | where predicate == "member_of"\n')
    svg = tmp_path / "members.svg"
    out = subprocess.run([MQ, "--corpus", SEEDS, "run", "--chart", str(svg), str(script)], capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "<svg" in svg.read_text()
    env = dict(os.environ, PATH=str(tmp_path))
    out = subprocess.run([MQ, "--corpus", SEEDS, "run", "--chart", str(tmp_path / "x.svg"), str(script)],
                         capture_output=True, text=True, timeout=120, env=env)
    assert out.returncode == 1
    assert "GraphViz is not installed" in out.stderr and "apt-get install graphviz" in out.stderr
    assert not (tmp_path / "x.svg").exists()
    script.write_text("entities | take 3\n")
    out = subprocess.run([MQ, "--corpus", SEEDS, "run", "--chart", str(tmp_path / "y.svg"), str(script)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 1 and "fewer than two entity columns" in out.stderr
