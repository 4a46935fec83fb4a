"""Split a dump into the three layers (boxes, current pictures, log) and count lines; -v lists them."""
import sys, re
def pages(path):
    cur=None; out={}
    for l in open(path, encoding="utf-8"):
        l=l.rstrip("\n")
        if l.startswith("##### "):
            cur=l.split("/",1)[1]; out[cur]=[]; continue
        out[cur].append(re.sub(r"^ *\d+: ","",l))
    return out
HEAD={"Acteur | Dernier chiffre | Pour la date | Sources"}
def layers(path):
    p=pages(path); L={"box":[], "current":[], "log":[]}
    home=p["index.html"]
    for l in home:
        if re.match(r"^(.+?) : ",l) and not l.startswith(("Mis à jour : dernier article daté","Le détail")) or l.startswith("Mis à jour :"):
            L["box"].append(("index",l))
    # drop the page-level "Mis à jour" (line 3) : keep only card ones (after 'Sujets')
    L["box"]=[("index",l) for l in home[home.index("Sujets")+1:home.index("Derniers articles")] if " : " in l and not l.startswith("Le détail")]
    for t in ["troupes","pertes","armement","traite"]:
        lines=p[f"sujets/{t}.html"]
        i=next(k for k,l in enumerate(lines) if l.startswith("Données du sujet"))
        L["box"]+= [(t,l) for l in lines[2:i]]
        if t=="traite":
            j=lines.index("Chronologie"); k=next(k for k,l in enumerate(lines) if l.startswith("Registre des affirmations"))
            L["current"]+=[(t,l) for l in lines[j+1:k]]; continue
        j=lines.index("État actuel des estimations"); k=lines.index("Évolution dans le temps")
        L["current"]+=[(t,l) for l in lines[j+1:k] if l not in HEAD]
        j=lines.index("Contradictions, révisions et mises à jour"); k=next(k for k,l in enumerate(lines) if l in ("Chronologie",) or l.startswith("Registre des affirmations"))
        L["current"]+=[(t,l) for l in lines[j+1:k]]
    for key in p:
        if key.startswith("journal/"):
            lines=p[key]
            L["log"]+=[("journal",l) for l in lines[1:] if l!="Date inconnue"]
    return L
a=layers(sys.argv[1])
print({k:len(v) for k,v in a.items()})
if len(sys.argv)>2:
    b=layers(sys.argv[2]); print({k:len(v) for k,v in b.items()})
    for k in b:
        old=set(x[1] for x in a[k])
        new=[x for x in b[k] if x[1] not in old]
        print(f"== {k}: {len(new)} new or changed")
        if "-v" in sys.argv:
            for n in new: print("  ",n[0],"|",n[1][:160])
