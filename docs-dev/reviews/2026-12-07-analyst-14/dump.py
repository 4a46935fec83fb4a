"""Dump each page's <article>: one line per innermost block (tables: one line per row)."""
import sys, re
from bs4 import BeautifulSoup
BLOCKS = {"p","li","h1","h2","h3","h4","h5","h6","tr","dt","dd","figcaption","caption","summary","blockquote","div","section","details"}
def text(el):
    return re.sub(r"\s+", " ", el.get_text(" ", strip=True)).strip()
def walk(el, out):
    if el.name == "tr":
        out.append(" | ".join(text(c) for c in el.find_all(["td","th"], recursive=False))); return
    kids = [c for c in el.find_all(True, recursive=False)]
    blockkids = [c for c in el.find_all(BLOCKS) ]
    if el.name in BLOCKS and not blockkids:
        t = text(el)
        if t: out.append(t)
        return
    if el.name in BLOCKS and blockkids:
        # own direct text outside block children
        own = "".join(s for s in el.find_all(string=True, recursive=False)).strip()
        inline = [c for c in kids if c.name not in BLOCKS and c.name not in ("table","ul","ol","dl","svg","script","style","figure")]
        parts=[own]+[text(c) for c in inline]
        t=re.sub(r"\s+"," "," ".join(p for p in parts if p)).strip()
        if t: out.append(t)
    for c in kids:
        if c.name in ("script","style","svg"): continue
        walk(c, out)
for path in sys.argv[1:]:
    soup = BeautifulSoup(open(path, encoding="utf-8").read(), "lxml")
    art = soup.find("article") or soup.body
    out=[]; walk(art,out)
    print(f"##### {path}")
    for i,l in enumerate(out,1): print(f"{i:4d}: {l}")
