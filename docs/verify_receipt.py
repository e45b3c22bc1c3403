import base64, hashlib, sys

def h(*parts): return hashlib.sha256(b"".join(parts)).digest()

lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
assert lines[0] == "c2sp.org/tlog-proof@v1"
entry = base64.b64decode(lines[1].removeprefix("extra "))
index = int(lines[2].removeprefix("index "))
path, i = [], 3
while lines[i]:
    path.append(base64.b64decode(lines[i])); i += 1
origin, size, root = lines[i + 1], int(lines[i + 2]), base64.b64decode(lines[i + 3])

# RFC 9162 §2.1.3.2: fold the path from the leaf up to the root.
fn, sn, r = index, size - 1, h(b"\x00", entry)
for p in path:
    if sn == 0: sys.exit("proof too long")
    if fn % 2 == 1 or fn == sn:
        r = h(b"\x01", p, r)
        while fn % 2 == 0 and fn != 0:
            fn >>= 1; sn >>= 1
    else:
        r = h(b"\x01", r, p)
    fn >>= 1; sn >>= 1
print("included" if sn == 0 and r == root else "NOT included", "in", origin, "of", size, "entries:", entry.decode())
