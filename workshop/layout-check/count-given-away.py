#!/usr/bin/env python3
"""How much of each lab's answer its TODO comments give away.

For every TODO region of a lab's solution (solutions/NN-name/src/main/java), counts the lines the attendee writes
(not blank, not a comment, not only braces or punctuation), and of those the lines "given away": every call on the
line is named in the TODO's comment. A rough measure of dictation, meant for comparing a lab before and after its
TODOs were rewritten.

    workshop/layout-check/count-given-away.py              # every lab, as the files are now
    workshop/layout-check/count-given-away.py 69cbfbf~1    # and, beside it, as they were at that commit
"""
import os
import re
import subprocess
import sys

TODO_START = re.compile(r'^\s*// TODO (\d+):')
CALL = re.compile(r'([A-Za-z_][\w.]*)\s*\(')
KEYWORDS = {'if', 'for', 'while', 'switch', 'catch', 'return', 'new'}


def regions(text):
    """Yields (the TODO's comment, the code lines of its answer) for each TODO region of a file."""
    lines = text.split('\n')
    i = 0
    while i < len(lines):
        if TODO_START.match(lines[i]):
            comment = []
            while i < len(lines) and lines[i].strip().startswith('//') and 'end TODO' not in lines[i]:
                comment.append(lines[i])
                i += 1
            code = []
            while i < len(lines) and 'end TODO' not in lines[i]:
                code.append(lines[i])
                i += 1
            yield ' '.join(comment), code
        i += 1


def count(text):
    written = given = 0
    for comment, code in regions(text):
        for line in code:
            line = line.strip()
            if not line or line.startswith('//') or re.fullmatch(r'[{}();,\s]*', line):
                continue
            written += 1
            calls = [c.split('.')[-1] for c in CALL.findall(line) if c not in KEYWORDS]
            if calls and all(c in comment for c in calls):
                given += 1
    return written, given


def at(revision, path):
    shown = subprocess.run(['git', 'show', f'{revision}:{path}'], capture_output=True, text=True)
    return shown.stdout if shown.returncode == 0 else ''


def main():
    revision = sys.argv[1] if len(sys.argv) > 1 else None
    print(f"{'lab':30} {'written':>8} {'given away':>11}" + (f"   at {revision}: written, given away" if revision else ''))
    for lab in sorted(os.listdir('solutions')):
        root = os.path.join('solutions', lab, 'src', 'main', 'java')
        if not os.path.isdir(root):
            continue
        now = before = (0, 0)
        for folder, _, files in os.walk(root):
            for name in files:
                path = os.path.join(folder, name)
                with open(path) as file:
                    w, g = count(file.read())
                now = (now[0] + w, now[1] + g)
                if revision:
                    w, g = count(at(revision, path))
                    before = (before[0] + w, before[1] + g)
        row = f'{lab:30} {now[0]:8} {now[1]:11}'
        print(row + (f'   {before[0]:8} {before[1]:11}' if revision else ''))


if __name__ == '__main__':
    main()
