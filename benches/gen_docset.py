#!/usr/bin/env python3
"""Writes a synthetic bilingual docset of N pages for the scale benchmarks.

usage: gen_docset.py N OUT_DIR [--seed S] [--max-toc 5000]

The docset looks like the real ones in ../shared/corpus: folders of pages
with a TOC.yml each (nested three levels deep; the largest TOC has up to
--max-toc entries, the rest are smaller), YAML frontmatter with the
ms.* keys, every sentence an sxs pair (target span with data-ttu-id, English
in sxs-lookup), headings, lists, tables of pairs, alerts, links to other
pages and anchors, and [!INCLUDE] of shared snippets. Same seed, same files.
"""

import argparse
import os
import random

WORDS_EN = ("partner customer account billing invoice subscription tenant "
            "license offer program incentive report workspace admin user role "
            "permission support request order product price market region "
            "service agreement contract payment tax profile security").split()
WORDS_PT = ("parceiro cliente conta cobrança fatura assinatura locatário "
            "licença oferta programa incentivo relatório espaço administrador "
            "usuário função permissão suporte solicitação pedido produto preço "
            "mercado região serviço acordo contrato pagamento imposto perfil segurança").split()
assert len(WORDS_EN) == len(WORDS_PT)
VERBS = [("must", "deve"), ("will", "vai"), ("can", "pode"), ("should", "deveria"),
         ("may", "pode"), ("does not", "não")]


class Pairs:
    """Makes sxs pairs with ids unique within a page."""

    def __init__(self, rng, page_no):
        self.rng = rng
        self.prefix = "%05x" % (page_no % 0xFFFFF)
        self.n = 100

    def sentence(self):
        rng = self.rng
        k = rng.randint(6, 18)
        idx = [rng.randrange(len(WORDS_EN)) for _ in range(k)]
        verb = rng.choice(VERBS)
        en = " ".join(WORDS_EN[i] for i in idx[:2]) + f" {verb[0]} " + \
            " ".join(WORDS_EN[i] for i in idx[2:])
        pt = " ".join(WORDS_PT[i] for i in idx[:2]) + f" {verb[1]} " + \
            " ".join(WORDS_PT[i] for i in idx[2:])
        if rng.random() < 0.2:
            num = rng.randint(1, 5000)
            en += f" within {num} days"
            pt += f" em {num} dias"
        return en.capitalize() + ".", pt.capitalize() + "."

    def pair(self, text=None):
        self.n += 1
        en, pt = text or self.sentence()
        sid = f"{self.prefix}-{self.n}"
        return (f'<span data-ttu-id="{sid}">{pt}</span>'
                f'<span class="sxs-lookup"><span data-stu-id="{sid}">{en}</span></span>')


def page_text(rng, page_no, title, links, include):
    pairs = Pairs(rng, page_no)
    out = ["---", f"title: {title[1]}", f"description: {title[1]} description",
           "ms.topic: article", "ms.contentlocale: pt-BR", "ms.translationtype: HT",
           "ms.lasthandoff: 01/15/2021", "---", "",
           "# " + pairs.pair((title[0], title[1])), ""]
    for section in range(rng.randint(2, 5)):
        out += [f"## {pairs.pair()}", ""]
        out += [" ".join(pairs.pair() for _ in range(rng.randint(1, 4))), ""]
        kind = rng.random()
        if kind < 0.35:
            out += [f"- {pairs.pair()}" for _ in range(rng.randint(2, 6))] + [""]
        elif kind < 0.6:
            out += ["| " + pairs.pair() + " | " + pairs.pair() + " |", "|---|---|"]
            out += ["| " + pairs.pair() + " | " + pairs.pair() + " |"
                    for _ in range(rng.randint(2, 8))] + [""]
        elif kind < 0.75:
            out += ["> [!NOTE]", "> " + pairs.pair(), ""]
        if links and rng.random() < 0.5:
            target = rng.choice(links)
            out += [f"[{pairs.pair()}]({target})", ""]
    if include:
        out += [f"[!INCLUDE [snippet]({include})]", ""]
    return "\n".join(out) + "\n"


def toc_yaml(entries, depth=0):
    """entries: list of (name, href or None, children)."""
    lines = []
    pad = "  " * depth
    for name, href, children in entries:
        lines.append(f"{pad}- name: {name}")
        if href:
            lines.append(f"{pad}  href: {href}")
        if children:
            lines.append(f"{pad}  items:")
            lines.extend(toc_yaml(children, depth + 2))
    return lines


def nest(rng, items):
    """Groups a flat list of (name, href) into a three-level tree."""
    tree = []
    i = 0
    while i < len(items):
        group = items[i:i + rng.randint(20, 60)]
        i += len(group)
        sub = []
        j = 0
        while j < len(group):
            leaf = group[j:j + rng.randint(3, 10)]
            j += len(leaf)
            sub.append((leaf[0][0], leaf[0][1], [(n, h, []) for n, h in leaf[1:]]))
        tree.append((f"Section {len(tree) + 1}", None, sub))
    return tree


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pages", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=20250201)
    ap.add_argument("--max-toc", type=int, default=5000)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    # One big folder (the largest TOC), the rest in folders of 200-1500 pages.
    sizes = [min(args.max_toc, max(1, args.pages // 3))]
    while sum(sizes) < args.pages:
        sizes.append(min(args.pages - sum(sizes), rng.randint(200, 1500)))
    page_no = 0
    for f, size in enumerate(sizes):
        folder = os.path.join(args.out, f"area-{f:02d}")
        os.makedirs(os.path.join(folder, "includes"), exist_ok=True)
        for k in range(5):
            pairs = Pairs(rng, 900000 + f * 10 + k)
            with open(os.path.join(folder, "includes", f"snippet-{k}.md"), "w") as fh:
                fh.write(" ".join(pairs.pair() for _ in range(3)) + "\n")
        names = [f"page-{i:05d}.md" for i in range(size)]
        items = []
        for i, name in enumerate(names):
            en = f"{WORDS_EN[i % len(WORDS_EN)].capitalize()} topic {i}"
            pt = f"Tópico {i} de {WORDS_PT[i % len(WORDS_PT)]}"
            links = [names[rng.randrange(size)] for _ in range(3)]
            links[0] += "#" + f"{WORDS_EN[0]}"
            include = f"includes/snippet-{rng.randrange(5)}.md" if rng.random() < 0.3 else None
            with open(os.path.join(folder, name), "w") as fh:
                fh.write(page_text(rng, page_no, (en, pt), links, include))
            page_no += 1
            items.append((pt, name))
        with open(os.path.join(folder, "TOC.yml"), "w") as fh:
            fh.write("\n".join(toc_yaml(nest(rng, items))) + "\n")
    print(f"{page_no} pages in {len(sizes)} folders under {args.out} (seed {args.seed})")


if __name__ == "__main__":
    main()
