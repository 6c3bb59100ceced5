// A QR code for a web address (black on white with the standard quiet zone, drawn sharp), with its
// label and the address itself printed beside it.
import { Image, Text, View } from "@react-pdf/renderer";
import { PNG } from "pngjs";
import QRCode from "qrcode";
import { tag } from "../tags/structureTag.ts";
import { inReadingOrder, side as sides, type Theme } from "../theme.ts";
import { addressLines, addressStyle } from "./addressLines.ts";

/** Pixels per module: sharp in print (the PDF scales the image without smoothing). */
const PIXELS_PER_MODULE = 8;

const images = new Map<string, Buffer>();

/** The code as a PNG, made once per address per process (a vector path of hundreds of squares made
 * react-pdf spend about 165 ms per leaflet re-reading it; measured with the render profile). */
function qrImage(url: string): Buffer {
  let image = images.get(url);
  if (!image) {
    const { modules } = QRCode.create(url, { errorCorrectionLevel: "M" });
    const size = modules.size + 2 * 4;
    const png = new PNG({ width: size * PIXELS_PER_MODULE, height: size * PIXELS_PER_MODULE, colorType: 0 });
    for (let y = 0; y < png.height; y++) {
      for (let x = 0; x < png.width; x++) {
        const row = Math.floor(y / PIXELS_PER_MODULE) - 4;
        const col = Math.floor(x / PIXELS_PER_MODULE) - 4;
        const dark = row >= 0 && col >= 0 && row < modules.size && col < modules.size && modules.get(row, col);
        const i = (y * png.width + x) << 2;
        png.data[i] = png.data[i + 1] = png.data[i + 2] = dark ? 0 : 255;
        png.data[i + 3] = 255;
      }
    }
    image = PNG.sync.write(png, { colorType: 0 });
    images.set(url, image);
  }
  return image;
}

export function QrBlock({ url, label, theme }: { url: string; label: string; theme: Theme }) {
  const side = 6.5 * theme.font.body;
  // The address's lines are one paragraph (one tag object: one element).
  const address = tag("P");
  const small = { fontSize: theme.font.small, color: theme.colour.text, lineHeight: 1.3 };
  return (
    <View wrap={false} style={{ flexDirection: "row", alignItems: "center", marginTop: 0.5 * theme.font.body }}>
      {inReadingOrder(theme, [
        <Image
          key="qr"
          {...tag("Figure", { alt: url })}
          src={{ data: qrImage(url), format: "png" }}
          style={{ width: side, height: side }}
        />,
        <View key="address" style={{ width: theme.page.contentWidth - side - 8, [sides(theme).marginStart]: 8 }}>
          <Text {...tag("P")} style={small}>
            {label}
          </Text>
          {addressLines(url, theme.page.contentWidth - side - 8, theme.font.small).map((line) => (
            <Text key={line} {...address} style={{ ...small, fontWeight: 700, ...addressStyle(theme) }}>
              {line}
            </Text>
          ))}
        </View>,
      ])}
    </View>
  );
}
