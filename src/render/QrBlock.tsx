// A QR code for a web address, drawn as one vector path (sharp at any print size, black on white with
// the standard quiet zone), with its label and the address itself printed beside it.
import { Path, Svg, Text, View } from "@react-pdf/renderer";
import QRCode from "qrcode";
import { addressLines } from "./addressLines.ts";
import type { Theme } from "./theme.ts";

const QUIET_ZONE = 4;

/** The dark modules of the code as one SVG path, in module units. */
function qrPath(url: string): { size: number; d: string } {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: "M" });
  let d = "";
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) d += `M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`;
    }
  }
  return { size: modules.size + 2 * QUIET_ZONE, d };
}

export function QrBlock({ url, label, theme }: { url: string; label: string; theme: Theme }) {
  const { size, d } = qrPath(url);
  const side = 6.5 * theme.font.body;
  const small = { fontSize: theme.font.small, color: theme.colour.text, lineHeight: 1.3 };
  return (
    <View wrap={false} style={{ flexDirection: "row", alignItems: "center", marginTop: 0.5 * theme.font.body }}>
      <Svg width={side} height={side} viewBox={`0 0 ${size} ${size}`}>
        <Path d={d} fill="#000000" />
      </Svg>
      <View style={{ width: theme.page.contentWidth - side - 8, marginLeft: 8 }}>
        <Text style={small}>{label}</Text>
        {addressLines(url, theme.page.contentWidth - side - 8, theme.font.small).map((line) => (
          <Text key={line} style={{ ...small, fontWeight: 700 }}>
            {line}
          </Text>
        ))}
      </View>
    </View>
  );
}
