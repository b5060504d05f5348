#!/usr/bin/env python3
# Import cycles between the files of src/ (file level), and cfg(target_arch) in folders that must
# have none. The team's tool, kept here so that the check runs from the repository alone.
"""Import cycles between the files of a Rust crate's src/ (file level), and cfg(target_arch) counts.

Usage: rust_cycles.py SRC_DIR [--no-cfg-in DIR ...]
Prints each cycle (files in it), then a summary line; exits 1 if there is a cycle or a cfg in the
named folders. Reads `crate::`, `super::` and `self::` paths as text: good enough to find cycles.
"""
import os, re, sys

src = os.path.abspath(sys.argv[1])
no_cfg = []
if '--no-cfg-in' in sys.argv:
    no_cfg = sys.argv[sys.argv.index('--no-cfg-in') + 1:]

def modpath(f):
    rel = os.path.relpath(f, src)[:-3].split(os.sep)
    if rel[-1] in ('mod', 'lib', 'main'):
        rel = rel[:-1]
    return tuple(rel)

files = {}
for root, _, names in os.walk(src):
    if os.sep + 'bin' in root[len(src):]:
        continue
    for n in names:
        if n.endswith('.rs'):
            f = os.path.join(root, n)
            files[modpath(f)] = f
mods = set(files)

def strip(text):
    text = re.sub(r'//[^\n]*', '', text)
    text = re.sub(r'/\*.*?\*/', '', text, flags=re.S)
    text = re.sub(r'"(?:\\.|[^"\\])*"', '""', text)
    # test modules do not count
    return re.split(r'#\[cfg\(test\)\]\s*mod tests', text)[0]

def expand_use(text):
    """`use crate::a::{b, c::d}` -> ['crate::a::b', 'crate::a::c::d'] (one level of braces is enough)."""
    out = []
    for m in re.finditer(r'\buse\s+([^;]+);', text):
        body = re.sub(r'\s+', '', m.group(1))
        mm = re.match(r'(.*?)::\{(.*)\}$', body)
        if mm:
            prefix, inner = mm.groups()
            depth, cur, parts = 0, '', []
            for ch in inner:
                if ch == '{': depth += 1
                if ch == '}': depth -= 1
                if ch == ',' and depth == 0:
                    parts.append(cur); cur = ''
                else:
                    cur += ch
            parts.append(cur)
            for p in parts:
                if p:
                    out.extend(expand_use(f'use {prefix}::{p};') if '{' in p else [f'{prefix}::{p}'])
        else:
            out.append(body)
    return out

edges = {m: set() for m in mods}
for m, f in files.items():
    text = strip(open(f, encoding='utf-8').read())
    paths = expand_use(text) + re.findall(r'\b(?:crate|super|self)(?:::\w+)+', text)
    for p in paths:
        segs = p.split('::')
        if segs[0] == 'crate':
            base = ()
        elif segs[0] in ('super', 'self'):
            here = m if os.path.basename(f) in ('mod.rs', 'lib.rs', 'main.rs') else m
            base = here[:-1] if segs[0] == 'super' else here
            if os.path.basename(f) in ('mod.rs',) and segs[0] == 'super':
                base = m[:-1]
            elif os.path.basename(f) not in ('mod.rs',) and segs[0] == 'self':
                base = m
        else:
            continue
        rest = [s for s in segs[1:] if s != 'super']
        target = None
        for i in range(len(rest), -1, -1):
            cand = base + tuple(rest[:i])
            if cand in mods:
                target = cand
                break
        if target is not None and target != m and target != ():
            edges[m].add(target)

# Tarjan's strongly connected components
index, low, stack, on, sccs, counter = {}, {}, [], set(), [], [0]
sys.setrecursionlimit(10000)
def visit(v):
    index[v] = low[v] = counter[0]; counter[0] += 1; stack.append(v); on.add(v)
    for w in edges[v]:
        if w not in index:
            visit(w); low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        comp = []
        while True:
            w = stack.pop(); on.discard(w); comp.append(w)
            if w == v: break
        if len(comp) > 1:
            sccs.append(comp)
for v in sorted(mods):
    if v not in index:
        visit(v)

# A module and its own parent mod.rs re-exporting it is not a design cycle.
def is_parent_pair(comp):
    return len(comp) == 2 and (comp[0][:-1] == comp[1] or comp[1][:-1] == comp[0])
cycles = [c for c in sccs if not is_parent_pair(c)]
for c in cycles:
    print('cycle: ' + ', '.join(sorted(os.path.relpath(files[x], os.path.dirname(src)) for x in c)))

cfg_count = 0
for d in no_cfg:
    for root, _, names in os.walk(os.path.join(os.path.dirname(src), d)):
        for n in names:
            if n.endswith('.rs'):
                k = len(re.findall(r'cfg\((?:not\()?target_arch', open(os.path.join(root, n), encoding='utf-8').read()))
                if k:
                    print(f'cfg(target_arch) x{k}: {os.path.relpath(os.path.join(root, n), os.path.dirname(src))}')
                    cfg_count += k
print(f'{len(cycles)} import cycles, {cfg_count} cfg(target_arch) in {" ".join(no_cfg) or "-"}')
sys.exit(1 if cycles or cfg_count else 0)
