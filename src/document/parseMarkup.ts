// Markup (the XML-like text a Handlebars template produces) → the typed LeafletDoc tree.
// Strict: an unknown element or attribute is a template bug and is reported with the template's name.
// Entities are decoded here, so escaped patient values (&lt;b&gt;) come out as the literal text typed.
import type { Element } from "domhandler";
import { parseDocument } from "htmlparser2";
import { MarkupError } from "../core/errors.ts";
import type {
  Block,
  CalendarCycle,
  CalendarDay,
  CardDoc,
  CardFace,
  Contact,
  Inline,
  LeafletDoc,
  LegendKey,
} from "./documentTypes.ts";

export function parseMarkup(markup: string, template: string): LeafletDoc {
  const root = elements(parseDocument(markup, { xmlMode: true, decodeEntities: true }).children);
  const fail = (detail: string): never => {
    throw new MarkupError(template, detail);
  };
  const doc = root.length === 1 && root[0]?.name === "document" ? root[0] : fail("expected one <document> element");
  const parts = new Map(elements(doc.children).map((el) => [el.name, el]));
  const header = parts.get("header") ?? fail("<document> needs a <header>");
  const footer = parts.get("footer") ?? fail("<document> needs a <footer>");
  const body = parts.get("body") ?? fail("<document> needs a <body>");
  const direction = attr(doc, "dir", template);
  return {
    language: attr(doc, "lang", template),
    direction: direction === "rtl" ? "rtl" : "ltr",
    title: attr(doc, "title", template),
    subject: attr(doc, "subject", template),
    author: attr(doc, "author", template),
    header: {
      organisation: attr(header, "organisation", template),
      title: attr(header, "title", template),
      patient: attr(header, "patient", template),
    },
    footer: {
      source: attr(footer, "source", template),
      notice: footer.attribs.notice ?? "",
      pageLabel: attr(footer, "page", template),
      contacts: elements(footer.children).map((el) => contact(el, template)),
    },
    body: blocks(body, template),
  };
}

/** Card markup: <card lang dir title subject author><front|back organisation title>blocks</…></card>.
 * An <aside lang label> directly in the <back> (what {{#bilingual}} makes) is the back's text in a second
 * language: it is taken out of the flow into `second`, to be set at the foot of the face if it fits. */
export function parseCardMarkup(markup: string, template: string): CardDoc {
  const root = elements(parseDocument(markup, { xmlMode: true, decodeEntities: true }).children);
  const card = root.length === 1 && root[0]?.name === "card" ? root[0] : undefined;
  if (!card) throw new MarkupError(template, "expected one <card> element");
  const faces = new Map(elements(card.children).map((el) => [el.name, el]));
  const face = (name: string): CardFace => {
    const el = faces.get(name);
    if (!el) throw new MarkupError(template, `<card> needs a <${name}>`);
    const all = blocks(el, template);
    const asides = all.filter((block): block is Aside => block.type === "aside");
    const result: CardFace = {
      band: { organisation: attr(el, "organisation", template), title: attr(el, "title", template) },
      blocks: all.filter((block) => block.type !== "aside"),
    };
    if (asides.length === 0) return result;
    if (name !== "back")
      throw new MarkupError(template, `the card's <${name}> stays in the patient's language: no <aside> there`);
    const [first] = asides;
    if (!first || asides.some((a) => a.language !== first.language))
      throw new MarkupError(template, "the card's <back> holds <aside>s in more than one language");
    result.second = {
      language: first.language,
      direction: first.direction,
      label: first.label,
      blocks: asides.flatMap((a) => a.children),
    };
    return result;
  };
  return {
    language: attr(card, "lang", template),
    direction: attr(card, "dir", template) === "rtl" ? "rtl" : "ltr",
    title: attr(card, "title", template),
    subject: attr(card, "subject", template),
    author: attr(card, "author", template),
    front: face("front"),
    back: face("back"),
  };
}

type Aside = Extract<Block, { type: "aside" }>;

function blocks(parent: Element, template: string): Block[] {
  return elements(parent.children).map((el) => block(el, template));
}

function block(el: Element, template: string): Block {
  switch (el.name) {
    case "section":
      return {
        type: "section",
        id: attr(el, "id", template),
        breakBefore: el.attribs.break === "before",
        shared: el.attribs.shared === "true",
        children: blocks(el, template),
      };
    case "h1":
    case "h2":
    case "h3":
      return { type: "heading", level: Number(el.name[1]) as 1 | 2 | 3, text: inlines(el, template) };
    case "p":
      return { type: "paragraph", text: inlines(el, template), small: el.attribs.size === "small" };
    case "list":
      return {
        type: "list",
        ordered: el.attribs.ordered === "true",
        items: only(el, "item", template).map((item) => inlines(item, template)),
      };
    case "aside":
      return {
        type: "aside",
        language: attr(el, "lang", template),
        direction: el.attribs.dir === "rtl" ? "rtl" : "ltr",
        label: attr(el, "label", template),
        children: blocks(el, template),
      };
    case "callout":
      return {
        type: "callout",
        tone: el.attribs.tone === "urgent" ? "urgent" : "info",
        children: blocks(el, template),
      };
    case "notes":
      return { type: "notes", children: blocks(el, template) };
    case "facts":
      return {
        type: "facts",
        items: only(el, "fact", template).map((fact) => ({ label: attr(fact, "label", template), value: plain(fact) })),
      };
    case "contacts":
      return { type: "contacts", items: elements(el.children).map((c) => contact(c, template)) };
    case "calendar":
      return calendar(el, template);
    case "table":
      return table(el, template);
    case "address":
      return { type: "address", url: attr(el, "url", template) };
    case "qr":
      return { type: "qr", url: attr(el, "url", template), label: attr(el, "label", template) };
    case "fit":
      return {
        type: "fitLine",
        label: attr(el, "label", template),
        text: plain(el),
        field: attr(el, "field", template),
        maxSize: Number(attr(el, "max", template)),
        minSize: Number(attr(el, "min", template)),
      };
    default:
      throw new MarkupError(template, `unknown element <${el.name}>`);
  }
}

function calendar(el: Element, template: string): Block {
  const legend = elements(el.children).find((c) => c.name === "legend");
  if (!legend) throw new MarkupError(template, "<calendar> needs a <legend>");
  const keys: LegendKey[] = only(legend, "key", template).map((key) => ({
    mark: attr(key, "mark", template) === "rest" ? "rest" : "dose",
    symbol: key.attribs.symbol ?? "",
    text: plain(key),
  }));
  const weekdays = elements(el.children)
    .filter((c) => c.name === "weekdays")
    .map((names) => only(names, "weekday", template).map(plain));
  if (weekdays.length === 0 || weekdays.some((names) => names.length !== 7))
    throw new MarkupError(template, "<calendar> needs <weekdays> of seven <weekday>s");
  const cycles: CalendarCycle[] = elements(el.children)
    .filter((c) => c.name !== "legend" && c.name !== "weekdays")
    .map((cycle) => {
      if (cycle.name !== "cycle")
        throw new MarkupError(template, `<calendar> may hold <legend>, <weekdays> and <cycle>, not <${cycle.name}>`);
      const children = elements(cycle.children);
      const seconds = children.filter((c) => c.name === "second");
      if (seconds.length > 1) throw new MarkupError(template, "a <cycle> holds at most one <second>");
      const second = seconds[0];
      return {
        title: attr(cycle, "title", template),
        continued: attr(cycle, "continued", template),
        lines: children.filter((c) => c.name === "line").map(plain),
        ...(second
          ? {
              second: {
                language: attr(second, "lang", template),
                direction: second.attribs.dir === "rtl" ? ("rtl" as const) : ("ltr" as const),
                label: attr(second, "label", template),
                title: attr(second, "title", template),
                continued: attr(second, "continued", template),
                lines: only(second, "line", template).map(plain),
              },
            }
          : {}),
        weeks: children
          .filter((c) => c.name === "week")
          .map((week) => {
            const days = elements(week.children).map((d) => {
              if (d.name === "blank") return null;
              if (d.name !== "day")
                throw new MarkupError(template, `<week> may hold <day> and <blank/>, not <${d.name}>`);
              return day(d, template);
            });
            if (days.length !== 7) throw new MarkupError(template, "a <week> holds seven <day>s or <blank/>s");
            return { heading: attr(week, "heading", template), days };
          }),
      };
    });
  return { type: "calendar", legendTitle: attr(legend, "title", template), legend: keys, weekdays, cycles };
}

function table(el: Element, template: string): Block {
  const rows = only(el, "row", template).map((row) => ({
    header: row.attribs.header === "true",
    cells: only(row, "cell", template).map(plain),
  }));
  const header = rows.filter((r) => r.header);
  if (header.length !== 1 || !rows[0]?.header) throw new MarkupError(template, "<table> needs one header <row> first");
  const width = header[0]?.cells.length ?? 0;
  const body = rows.slice(1).map((r) => r.cells);
  if (body.some((cells) => cells.length !== width))
    throw new MarkupError(template, "every <row> of a <table> needs the same number of <cell>s");
  const result: Block = { type: "table", header: header[0]?.cells ?? [], rows: body };
  if (el.attribs.tick) result.tickLabel = el.attribs.tick;
  return result;
}

function day(el: Element, template: string): CalendarDay {
  const result: CalendarDay = {
    label: attr(el, "label", template),
    date: attr(el, "date", template),
    doses: only(el, "dose", template).map((dose) => ({ symbol: attr(dose, "symbol", template), text: plain(dose) })),
  };
  if (el.attribs.rest) result.rest = el.attribs.rest;
  return result;
}

function contact(el: Element, template: string): Contact {
  if (el.name !== "contact") throw new MarkupError(template, `expected <contact>, found <${el.name}>`);
  return { label: attr(el, "label", template), number: attr(el, "number", template) };
}

/** Inline content: text and <b> runs, whitespace collapsed as in HTML. */
function inlines(el: Element, template: string): Inline[] {
  const runs: Inline[] = [];
  const walk = (node: Element, bold: boolean) => {
    for (const child of node.children) {
      if (child.type === "text") runs.push(bold ? { text: child.data, bold } : { text: child.data });
      else if (child.type === "tag") {
        const tag = child as Element;
        if (tag.name !== "b") throw new MarkupError(template, `<${el.name}> may hold text and <b>, not <${tag.name}>`);
        walk(tag, true);
      }
    }
  };
  walk(el, false);
  return tidy(runs);
}

function tidy(runs: Inline[]): Inline[] {
  // Only markup whitespace collapses: a no-break space (French « : », "50 %") stays where it was put.
  const collapsed = runs.map((run) => ({ ...run, text: run.text.replace(/[ \t\r\n]+/g, " ") }));
  const first = collapsed[0];
  const last = collapsed.at(-1);
  if (first) first.text = first.text.trimStart();
  if (last) last.text = last.text.trimEnd();
  return collapsed.filter((run) => run.text !== "");
}

function plain(el: Element): string {
  return textOf(el)
    .replace(/[ \t\r\n]+/g, " ")
    .replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, "");
}

function textOf(node: Element): string {
  return node.children
    .map((child) => (child.type === "text" ? child.data : child.type === "tag" ? textOf(child as Element) : ""))
    .join("");
}

function elements(nodes: Element["children"]): Element[] {
  return nodes.filter((node): node is Element => node.type === "tag");
}

function only(el: Element, name: string, template: string): Element[] {
  const children = elements(el.children);
  for (const child of children) {
    if (child.name !== name)
      throw new MarkupError(template, `<${el.name}> may hold only <${name}>, not <${child.name}>`);
  }
  return children;
}

function attr(el: Element, name: string, template: string): string {
  const value = el.attribs[name];
  if (value === undefined) throw new MarkupError(template, `<${el.name}> needs the attribute ${name}`);
  return value;
}
