// The running header (logo, hospital, document title, whose leaflet) and footer (sources, phone
// numbers, "page N of M") repeated on every page. `fixed` is what makes totalPages available.
import { Image, Text, View } from "@react-pdf/renderer";
import type { LeafletDoc } from "../document/documentTypes.ts";
import type { Theme } from "./theme.ts";

export function PageHeader({ doc, theme }: { doc: LeafletDoc; theme: Theme }) {
  const { margin } = theme.page;
  return (
    <View
      fixed
      style={{
        position: "absolute",
        top: 0,
        left: 0,
        right: 0,
        height: 70,
        paddingHorizontal: margin,
        paddingTop: 18,
        flexDirection: "row",
        alignItems: "center",
        borderBottomWidth: 3,
        borderBottomColor: theme.colour.primary,
      }}
    >
      <Image src={theme.logoPath} style={{ width: 40, height: 40, marginRight: 10 }} />
      <View style={{ flexGrow: 1, flexShrink: 1 }}>
        <Text style={{ fontSize: 12, fontWeight: 700, color: theme.colour.primary }}>{doc.header.organisation}</Text>
        <Text style={{ fontSize: theme.font.small, color: theme.colour.text }}>{doc.header.title}</Text>
      </View>
      <Text
        style={{
          fontSize: theme.font.small,
          fontWeight: 700,
          color: theme.colour.text,
          maxWidth: 210,
          textAlign: "right",
        }}
      >
        {doc.header.patient}
      </Text>
    </View>
  );
}

/** Room the footer takes above the bottom edge: up to three lines of small text, its rule and a margin. */
const FOOTER_FROM_BOTTOM = 68;
const PAGE_LABEL_WIDTH = 84;

export function PageFooter({ doc, theme }: { doc: LeafletDoc; theme: Theme }) {
  const { margin } = theme.page;
  const small = { fontSize: theme.font.small, color: theme.colour.text, lineHeight: 1.3 };
  // Placed from the top and without a height: react-pdf 4 drops a fixed view holding a render-prop
  // Text when the view is placed with `bottom` or given a height (the Text has no size at layout time;
  // compare react-pdf issue #931).
  return (
    <View
      fixed
      style={{
        position: "absolute",
        top: theme.page.size[1] - FOOTER_FROM_BOTTOM,
        left: margin,
        right: margin,
        borderTopWidth: 0.75,
        borderTopColor: theme.colour.rule,
        paddingTop: 5,
      }}
    >
      <Text style={{ ...small, paddingRight: PAGE_LABEL_WIDTH + 8 }}>{doc.footer.source}</Text>
      {doc.footer.notice ? <Text style={small}>{doc.footer.notice}</Text> : null}
      <Text style={small}>
        {doc.footer.contacts.map((c, i) => `${i > 0 ? "  ·  " : ""}${c.label}: ${c.number}`).join("")}
      </Text>
      {/* Last, and placed absolutely: a render-prop Text is measured before its text exists (so it needs its
          own width), and react-pdf 4 drops siblings that follow it in a fixed view. */}
      <Text
        style={{
          ...small,
          fontWeight: 700,
          position: "absolute",
          top: 5,
          right: 0,
          width: PAGE_LABEL_WIDTH,
          textAlign: "right",
        }}
        render={({ pageNumber, totalPages }) =>
          doc.footer.pageLabel.replace("{page}", String(pageNumber)).replace("{total}", String(totalPages))
        }
      />
    </View>
  );
}
