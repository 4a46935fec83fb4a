"""Split dumps (dump.py) into the three layers issue 19 asks to sign, and count their lines.

python layers.py five.txt [six.txt [-v]]: counts of the first dump; with a second, its counts and
the lines it adds or changes per layer (-v lists them).
"""

import re
import sys

TABLE_HEAD = {"Acteur | Dernier chiffre | Pour la date | Sources"}
TOPICS = ["troupes", "pertes", "armement", "traite"]


def pages(path):
    out, cur = {}, None
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n")
            if line.startswith("##### "):
                cur = line.split("/", 1)[1]
                out[cur] = []
            else:
                out[cur].append(re.sub(r"^ *\d+: ", "", line))
    return out


def first(lines, test):
    return next(k for k, line in enumerate(lines) if test(line))


def layers(path):
    p = pages(path)
    found = {"box": [], "current": [], "log": []}
    home = p["index.html"]
    cards = home[home.index("Sujets") + 1:home.index("Derniers articles")]
    found["box"] += [("index", x) for x in cards if " : " in x and not x.startswith("Le détail")]
    for t in TOPICS:
        lines = p[f"sujets/{t}.html"]
        end = first(lines, lambda x: x.startswith("Données du sujet"))
        found["box"] += [(t, x) for x in lines[2:end]]
        if t == "traite":
            j = lines.index("Chronologie")
            k = first(lines, lambda x: x.startswith("Registre des affirmations"))
            found["current"] += [(t, x) for x in lines[j + 1:k]]
            continue
        j, k = lines.index("État actuel des estimations"), lines.index("Évolution dans le temps")
        found["current"] += [(t, x) for x in lines[j + 1:k] if x not in TABLE_HEAD]
        j = lines.index("Contradictions, révisions et mises à jour")
        k = first(lines, lambda x: x == "Chronologie" or x.startswith("Registre des affirmations"))
        found["current"] += [(t, x) for x in lines[j + 1:k]]
    for key, lines in p.items():
        if key.startswith("journal/"):
            found["log"] += [("journal", x) for x in lines[1:] if x != "Date inconnue"]
    return found


base = layers(sys.argv[1])
print({k: len(v) for k, v in base.items()})
if len(sys.argv) > 2:
    other = layers(sys.argv[2])
    print({k: len(v) for k, v in other.items()})
    for k, lines in other.items():
        old = {x for _, x in base[k]}
        new = [(page, x) for page, x in lines if x not in old]
        print(f"== {k}: {len(new)} new or changed")
        if "-v" in sys.argv:
            for page, x in new:
                print("  ", page, "|", x[:160])
