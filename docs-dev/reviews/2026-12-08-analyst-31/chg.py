import sys,re
def lines(p):
    out=[];page=None
    for l in open(p):
        l=l.rstrip('\n')
        m=re.match(r'\s*(\d+): (.*)',l)
        if m: out.append((page,m.group(1),m.group(2)))
        else: page=l.strip()
    return out
a=lines(sys.argv[1]); b=lines(sys.argv[2])
sa=set((p,t) for p,_,t in a); sb=set((p,t) for p,_,t in b)
for p,n,t in b:
    if (p,t) not in sa: print(f"+ {p} l.{n}: {t}\n")
for p,n,t in a:
    if (p,t) not in sb: print(f"- {p} l.{n}: {t}\n")
