// Builds the Pagefind search index of a built site. Run by the generator on the finished site
// before it replaces the output, so the site and its index change together:
//   node search-index.mjs <output folder> <path of pagefind's lib/index.js> [<LinkRoot>, unused]
// Pagefind's own indexer reads the article, speaker and organisation pages (each marked with
// data-pagefind-body, its kind and its filters): one record a page. A record a paragraph and a
// figure fed through this API one call at a time cost several times the build itself, and
// batching the calls did not change that (bench/README.md). Every paragraph (#pN) and every key
// figure's row keeps its id, so the search page (theme/assets/search.js) makes each of them its
// own result again.
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [output, pagefindPath] = process.argv.slice(2);
const pagefind = await import(pathToFileURL(pagefindPath).href);
const { index, errors } = await pagefind.createIndex({ forceLanguage: "en" });
if (!index) throw new Error(errors.join("\n"));

const pages = await index.addDirectory({ path: output, glob: "{articles,speakers,organisations}/*/index.html" });
if (pages.errors.length) throw new Error(pages.errors.join("\n"));

const written = await index.writeFiles({ outputPath: join(output, "pagefind") });
if (written.errors.length) throw new Error(written.errors.join("\n"));
await pagefind.close();
console.log(`search: indexed ${pages.page_count} pages`);
