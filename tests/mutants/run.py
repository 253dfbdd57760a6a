#!/usr/bin/env python3
"""Mutation harness: proves that the suite fails on a broken program.

Each tests/mutants/*.mut file is one deliberate bug: what it breaks, the
test(s) that must catch it, and exact text edits to the sources:

    # The tokenizer drops one-letter Latin words.
    @@ test tokenizer search
    @@ file src/tokenizer.c
    @@ from
    <lines as they are in the file; they must occur exactly once>
    @@ to
    <the lines that replace them>

(several "@@ file"/"@@ from"/"@@ to" groups may follow).  The harness copies
the tree (the files git knows, as they are in the work tree) to a temporary
directory, configures one meson build there, then for each mutant applies
its edits, rebuilds, runs its tests and restores the files.  A mutant is
"caught" when one of its tests fails, "SURVIVED" when they all pass,
"stale" when its text is no longer in the file (update the mutant), and
"no-build" when the mutated tree does not compile.  Exit status 0 only when
every mutant is caught.

Usage: python3 tests/mutants/run.py [--keep] [--sanitize] [NAME...]
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


class Mutant:
    def __init__(self, path):
        self.name = os.path.basename(path)[:-len('.mut')]
        self.what = ''
        self.tests = []
        self.edits = []          # (file, from, to)
        self.parse(path)

    def parse(self, path):
        lines = open(path, encoding='utf-8').read().split('\n')
        if lines and lines[-1] == '':
            lines.pop()
        file = block = None
        text = {'from': [], 'to': []}

        def flush():
            if file is not None and text['from']:
                self.edits.append((file, '\n'.join(text['from']) + '\n',
                                   '\n'.join(text['to']) + '\n' if text['to'] else ''))
        for line in lines:
            if line.startswith('@@ '):
                word, _, rest = line[3:].partition(' ')
                if word == 'test':
                    self.tests += rest.split()
                elif word == 'file':
                    flush()
                    file, block = rest.strip(), None
                    text = {'from': [], 'to': []}
                elif word in ('from', 'to'):
                    if word == 'from' and text['from']:
                        flush()
                        text = {'from': [], 'to': []}
                    block = word
                else:
                    raise SystemExit('%s: unknown directive %s' % (path, line))
            elif block is not None:
                text[block].append(line)
            elif line.startswith('#') and not self.what:
                self.what = line.lstrip('# ').strip()
        flush()
        if not self.tests or not self.edits:
            raise SystemExit('%s: needs "@@ test" and at least one edit' % path)


def run(cmd, cwd, log, timeout=None):
    with open(log, 'a') as out:
        out.write('$ %s\n' % ' '.join(cmd))
        out.flush()
        try:
            return subprocess.run(cmd, cwd=cwd, stdout=out, stderr=out,
                                  stdin=subprocess.DEVNULL, timeout=timeout).returncode
        except subprocess.TimeoutExpired:
            out.write('timed out\n')
            return -1


def copy_tree(dst):
    files = subprocess.run(['git', 'ls-files', '-z', '--cached', '--others',
                            '--exclude-standard'], cwd=ROOT, check=True,
                           capture_output=True).stdout.split(b'\0')
    for f in files:
        f = f.decode()
        if not f or not os.path.isfile(os.path.join(ROOT, f)):
            continue
        os.makedirs(os.path.join(dst, os.path.dirname(f)), exist_ok=True)
        shutil.copy2(os.path.join(ROOT, f), os.path.join(dst, f))


def apply(tree, mutant):
    """Applies the edits; returns the original contents, or None if stale."""
    saved = {}
    for file, old, new in mutant.edits:
        path = os.path.join(tree, file)
        if not os.path.exists(path):
            return None, saved
        text = open(path, encoding='utf-8').read()
        saved.setdefault(path, text)
        if text.count(old) != 1:
            return None, saved
        open(path, 'w', encoding='utf-8').write(text.replace(old, new))
    return True, saved


def restore(saved):
    for path, text in saved.items():
        open(path, 'w', encoding='utf-8').write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('names', nargs='*', help='mutants to run (default: all)')
    ap.add_argument('--keep', action='store_true', help='keep the copy')
    ap.add_argument('--sanitize', action='store_true',
                    help='build with ASan and UBSan, as build-san/')
    args = ap.parse_args()
    names = args.names or sorted(f[:-4] for f in os.listdir(HERE) if f.endswith('.mut'))
    mutants = [Mutant(os.path.join(HERE, n + '.mut')) for n in names]

    tmp = tempfile.mkdtemp(prefix='brief-mutants.')
    tree, build, log = os.path.join(tmp, 'tree'), os.path.join(tmp, 'build'), os.path.join(tmp, 'log')
    copy_tree(tree)
    setup = ['meson', 'setup', build, '-Dbuildtype=debugoptimized']
    if args.sanitize:
        setup += ['-Db_sanitize=address,undefined', '-Db_lundef=false']
    if run(setup, tree, log) != 0 or run(['ninja', '-C', build], tree, log) != 0:
        print('mutants: the unmutated tree does not build; see %s' % log)
        return 2
    # The unmutated tree must pass the tests the mutants name.
    wanted = sorted({t for m in mutants for t in m.tests})
    if run(['meson', 'test', '-C', build, '--no-rebuild'] + wanted, tree, log) != 0:
        print('mutants: the unmutated tree fails %s; see %s' % (' '.join(wanted), log))
        return 2

    counts = {'caught': 0, 'SURVIVED': 0, 'stale': 0, 'no-build': 0}
    width = max(len(m.name) for m in mutants)
    for m in mutants:
        start = time.time()
        ok, saved = apply(tree, m)
        if ok is None:
            verdict, by = 'stale', 'its text is not (exactly once) in the file'
        elif run(['ninja', '-C', build], tree, log) != 0:
            verdict, by = 'no-build', 'the mutated tree does not compile'
        else:
            failed = [t for t in m.tests
                      if run(['meson', 'test', '-C', build, '--no-rebuild', t],
                             tree, log) != 0]
            if failed:
                verdict, by = 'caught', 'by ' + ' '.join(failed)
            else:
                verdict, by = 'SURVIVED', ' '.join(m.tests) + ' passed'
        restore(saved)
        counts[verdict] += 1
        print('%-8s %-*s %5.1fs  %s  (%s)' % (verdict, width, m.name,
              time.time() - start, m.what, by), flush=True)
    run(['ninja', '-C', build], tree, log)
    print('mutants: %d run, %d caught, %d survived, %d stale, %d did not build'
          % (len(mutants), counts['caught'], counts['SURVIVED'], counts['stale'],
             counts['no-build']))
    if args.keep:
        print('mutants: tree, build and log kept in %s' % tmp)
    else:
        shutil.rmtree(tmp)
    return 0 if counts['caught'] == len(mutants) else 1


if __name__ == '__main__':
    sys.exit(main())
