// Copies the precompiled GOV.UK Frontend, MOJ Frontend and htmx files from node_modules into
// frontend/build/, which Django serves as static files. The CSS of both design systems refers to
// "/assets/..."; it is rewritten to a relative "assets/..." so it works under any STATIC_URL.
//
// Every file that names a source map ships with it: `collectstatic` (manifest storage, debug
// off) follows each sourceMappingURL and fails on one that is missing. The rewritten CSS no
// longer matches its published map (the columns shift), so its sourceMappingURL is dropped.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "node_modules");
const out = join(here, "build");

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const SOURCE_MAP = /[/][/*]# sourceMappingURL=(\S+?)(?:\s*\*\/)?\s*$/m;

function copy(from, to) {
  cpSync(join(modules, from), join(out, to), { recursive: true });
  if (!from.endsWith(".js")) return;
  const map = readFileSync(join(modules, from), "utf8").match(SOURCE_MAP);
  if (map) {
    const source = join(dirname(join(modules, from)), map[1]);
    if (!existsSync(source)) throw new Error(`${from} names a missing source map ${map[1]}`);
    cpSync(source, join(dirname(join(out, to)), map[1]));
  }
}

function copyCss(from, to) {
  const css = readFileSync(join(modules, from), "utf8")
    .replaceAll("url(/assets/", "url(assets/")
    .replace(SOURCE_MAP, "");
  mkdirSync(dirname(join(out, to)), { recursive: true });
  writeFileSync(join(out, to), css);
}

copyCss("govuk-frontend/dist/govuk/govuk-frontend.min.css", "govuk/govuk-frontend.min.css");
copy("govuk-frontend/dist/govuk/all.bundle.js", "govuk/all.bundle.js");
copy("govuk-frontend/dist/govuk/assets", "govuk/assets");
copyCss("@ministryofjustice/frontend/moj/moj-frontend.min.css", "moj/moj-frontend.min.css");
copy("@ministryofjustice/frontend/moj/all.bundle.js", "moj/all.bundle.js");
copy("@ministryofjustice/frontend/moj/assets", "moj/assets");
// MOJ's CSS uses GOV.UK's fonts and its own images under one /assets/ root.
copy("govuk-frontend/dist/govuk/assets/fonts", "moj/assets/fonts");
copy("htmx.org/dist/htmx.min.js", "htmx/htmx.min.js");
writeFileSync(join(out, ".built"), new Date().toISOString() + "\n");
console.log(`frontend assets built in ${out}`);
