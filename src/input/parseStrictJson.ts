// JSON as an order must be read: a key given twice is refused (JSON.parse would silently keep the last
// "doseMg"), nesting is limited, escaped lone surrogates are refused, and objects are built with own
// properties only (a "__proto__" key is a key like any other, never a prototype). Built on jsonc-parser's
// visitor with comments and trailing commas disallowed. Problems name the key and lines, never a value.
import { type ParseErrorCode, printParseErrorCode, visit } from "jsonc-parser";
import type { FieldProblem } from "../core/errors.ts";

export const MAX_JSON_DEPTH = 16;

export type StrictJson = { ok: true; value: unknown } | { ok: false; problems: FieldProblem[] };

interface Place {
  line: number;
  column: number;
}

interface Frame {
  container: Record<string, unknown> | unknown[];
  /** Where each key of this object was first given. */
  keys: Map<string, Place>;
  key?: string;
  path: string;
}

const SYNTAX: Partial<Record<string, string>> = {
  InvalidSymbol: "an unexpected character",
  InvalidNumberFormat: "a number written wrongly",
  PropertyNameExpected: "a field name in double quotes was expected",
  ValueExpected: "a value was expected",
  ColonExpected: 'a ":" was expected',
  CommaExpected: 'a "," was expected',
  CloseBraceExpected: 'a "}" was expected',
  CloseBracketExpected: 'a "]" was expected',
  EndOfFileExpected: "only one JSON value may be given",
  InvalidCommentToken: "comments are not allowed",
  UnexpectedEndOfComment: "comments are not allowed",
  UnexpectedEndOfString: 'a text is not closed (a " is missing)',
  UnexpectedEndOfNumber: "a number is cut off",
  InvalidUnicode: "a \\u escape is written wrongly",
  InvalidEscapeCharacter: "a \\ escape is written wrongly",
  InvalidCharacter: "a control character inside a text (write \\n for a line break)",
};

/**
 * Parses `text` as one JSON value. `firstLine` numbers the lines (a JSON Lines row passes its row number);
 * `what` names the input in messages ("the order file", "the request body").
 */
export function parseStrictJson(text: string, what: string, firstLine = 1): StrictJson {
  const problems: FieldProblem[] = [];
  const stack: Frame[] = [];
  let root: unknown;
  let rootSet = false;
  const at = (line: number, column: number): Place => ({ line: line + firstLine, column: column + 1 });

  const attach = (value: unknown, place: Place) => {
    const top = stack.at(-1);
    if (!top) {
      root = value;
      rootSet = true;
      return;
    }
    if (Array.isArray(top.container)) {
      top.container.push(value);
      return;
    }
    const key = top.key as string;
    top.key = undefined;
    const first = top.keys.get(key);
    const field = top.path ? `${top.path}.${key}` : key;
    if (first) {
      problems.push({ field: shownKey(field), message: `is given twice (${placesOf(first, place)}); keep one` });
      return;
    }
    top.keys.set(key, place);
    Object.defineProperty(top.container, key, { value, enumerable: true, writable: true, configurable: true });
  };
  let keyPlace: Place = { line: 0, column: 0 };
  const open = (container: Frame["container"], line: number, column: number): void => {
    const parent = stack.at(-1);
    const path = parent && !Array.isArray(parent.container) ? joinPath(parent.path, parent.key) : (parent?.path ?? "");
    attach(container, parent && !Array.isArray(parent.container) ? keyPlace : at(line, column));
    stack.push({ container, keys: new Map(), path });
  };
  const close = () => {
    stack.pop();
  };

  const depth = nestingDepth(text);
  if (depth.depth > MAX_JSON_DEPTH) {
    return {
      ok: false,
      problems: [
        {
          field: "(order)",
          message: `${what} is nested deeper than ${MAX_JSON_DEPTH} levels (line ${depth.line + firstLine - 1}); an order is one flat object with "contact" inside`,
        },
      ],
    };
  }
  visit(
    text,
    {
      onObjectBegin: (_offset, _length, line, column) => open({}, line, column),
      onArrayBegin: (_offset, _length, line, column) => open([], line, column),
      onObjectEnd: close,
      onArrayEnd: close,
      onObjectProperty: (property, _offset, _length, line, column) => {
        const top = stack.at(-1);
        if (top) top.key = property;
        keyPlace = at(line, column);
        if (hasLoneSurrogate(property))
          problems.push({ field: "(order)", message: loneSurrogate(what, keyPlace.line) });
      },
      onLiteralValue: (value, _offset, _length, line, column) => {
        if (typeof value === "string" && hasLoneSurrogate(value)) {
          problems.push({ field: fieldOf(stack), message: loneSurrogate(what, line + firstLine) });
        }
        const top = stack.at(-1);
        attach(value, top && !Array.isArray(top.container) ? keyPlace : at(line, column));
      },
      onError: (code: ParseErrorCode, _offset, _length, line, column) => {
        const name = printParseErrorCode(code);
        problems.push({
          field: "(order)",
          message: `${what} is not valid JSON at line ${line + firstLine}, column ${column + 1}: ${SYNTAX[name] ?? "it is not JSON"}; check quotes and commas`,
        });
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  if (problems.length > 0) return { ok: false, problems: firstSyntaxOnly(problems) };
  if (!rootSet) return { ok: false, problems: [{ field: "(order)", message: `${what} is empty` }] };
  return { ok: true, value: root };
}

/** After a syntax error the rest is doubtful: report only the first one (with any problems found before it). */
function firstSyntaxOnly(problems: FieldProblem[]): FieldProblem[] {
  const firstSyntax = problems.findIndex((p) => p.message.includes("is not valid JSON"));
  return firstSyntax < 0 ? problems : problems.slice(0, firstSyntax + 1);
}

function joinPath(path: string, key: string | undefined): string {
  if (key === undefined) return path;
  return path ? `${path}.${key}` : key;
}

function fieldOf(stack: Frame[]): string {
  const top = stack.at(-1);
  if (!top) return "(order)";
  return shownKey(Array.isArray(top.container) ? top.path || "(order)" : joinPath(top.path, top.key) || "(order)");
}

/** A key as named in a message: cut short, so a key cannot carry a whole text into a log. */
function shownKey(key: string): string {
  return key.length > 40 ? `${key.slice(0, 40)}…` : key;
}

function placesOf(first: Place, second: Place): string {
  return first.line === second.line
    ? `on line ${first.line}, columns ${first.column} and ${second.column}`
    : `lines ${first.line} and ${second.line}`;
}

function loneSurrogate(what: string, line: number): string {
  return `${what} holds an escaped lone surrogate (\\uD800–\\uDFFF without its pair) at line ${line}; it is not a character`;
}

/** The deepest nesting of [ and { outside strings, and the line where it first passes the limit. */
function nestingDepth(text: string): { depth: number; line: number } {
  let depth = 0;
  let deepest = 0;
  let line = 1;
  let deepLine = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line += 1;
    if (inString) {
      if (c === 92) i += 1;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      depth += 1;
      if (depth > deepest) {
        deepest = depth;
        if (depth === MAX_JSON_DEPTH + 1) deepLine = line;
      }
    } else if (c === 93 || c === 125) depth -= 1;
  }
  return { depth: deepest, line: deepLine };
}

/** A UTF-16 surrogate without its pair (only an escape such as "\uD800" can write one). */
function hasLoneSurrogate(text: string): boolean {
  return /\p{Cs}/u.test(text);
}
