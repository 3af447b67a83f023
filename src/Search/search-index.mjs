// Builds the Pagefind search index of a built site. Run by the generator on the finished site
// before it replaces the output, so the site and its index change together:
//   node search-index.mjs <output folder> <path of pagefind's lib/index.js> <LinkRoot>
// Speaker and organisation pages (marked with data-pagefind-body) are indexed as they are. Each
// article is indexed paragraph by paragraph, and each key figure once, from data/case.json: a
// result opens the paragraph itself (#pN) and can be filtered by article and by speaker, and
// thousands of figure pages need not be parsed again.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [output, pagefindPath, linkRoot = ""] = process.argv.slice(2);
const pagefind = await import(pathToFileURL(pagefindPath).href);
const { index, errors } = await pagefind.createIndex({ forceLanguage: "en" });
if (!index) throw new Error(errors.join("\n"));

const pages = await index.addDirectory({ path: output, glob: "{speakers,organisations}/**/*.html" });
if (pages.errors.length) throw new Error(pages.errors.join("\n"));

const data = JSON.parse(await readFile(join(output, "data", "case.json"), "utf8"));
// A large record's case.json is an index: its articles, quotations, figures and timeline are in
// the part files it names, whose lists joined in order are the single file's (docs/open-data.md).
if (data.parts) {
  const lists = ["articles", "quotations", "personMentions", "figures", "timeline"];
  for (const list of lists) data[list] = [];
  for (const { part } of data.parts) {
    const p = JSON.parse(await readFile(join(output, "data", "articles", `${part}.json`), "utf8"));
    for (const list of lists) for (const item of p[list]) data[list].push(item);
  }
}
const speakers = new Map(data.speakers.map((s) => [s.slug, s.name]));
const strip = (path) => (linkRoot && path.startsWith(linkRoot) ? path.slice(linkRoot.length) : path);
const quotationsOf = new Map();
for (const q of data.quotations) {
  if (!q.speaker) continue;
  if (!quotationsOf.has(q.article)) quotationsOf.set(q.article, []);
  quotationsOf.get(q.article).push(q);
}
let paragraphs = 0;
for (const article of data.articles) {
  const quoted = new Map();
  for (const q of quotationsOf.get(article.slug) ?? []) {
    for (const n of q.paragraphs) {
      if (!quoted.has(n)) quoted.set(n, new Set());
      quoted.get(n).add(speakers.get(q.speaker));
    }
  }
  for (const p of article.paragraphs) {
    if (p.omitted) continue;
    const who = [...(quoted.get(p.number) ?? [])];
    const record = await index.addCustomRecord({
      url: `${strip(article.path)}#${p.anchor}`,
      content: p.text,
      language: "en",
      meta: { title: `${article.title}, paragraph ${p.number}`, ...(who.length ? { speaker: who.join(", ") } : {}) },
      filters: { article: [article.title], ...(who.length ? { speaker: who } : {}) },
    });
    if (record.errors.length) throw new Error(record.errors.join("\n"));
    paragraphs++;
  }
}
let figures = 0;
const articleTitles = new Map(data.articles.map((a) => [a.slug, a.title]));
for (const f of data.figures) {
  const who = f.speaker ? speakers.get(f.speaker) : null;
  const record = await index.addCustomRecord({
    url: strip(f.path),
    content: `${f.label}. ${f.match}. ${f.sentence}`,
    language: "en",
    meta: { title: `${f.label}: ${f.value}` },
    filters: { article: [articleTitles.get(f.article)], ...(who ? { speaker: [who] } : {}) },
  });
  if (record.errors.length) throw new Error(record.errors.join("\n"));
  figures++;
}

const written = await index.writeFiles({ outputPath: join(output, "pagefind") });
if (written.errors.length) throw new Error(written.errors.join("\n"));
await pagefind.close();
console.log(`search: indexed ${pages.page_count} pages, ${paragraphs} paragraphs and ${figures} figures`);
