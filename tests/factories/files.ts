// Small but real files of every uploadable type, made in the test (no fixtures),
// and the browser's side of an upload: PUT with the SAS URL, block by block.
import { crc32 } from "node:zlib";
import { BlockBlobClient } from "@azure/storage-blob";
import sharp from "sharp";

/** A minimal, valid one-page PDF. */
export function pdfBytes(text = "MedVault test"): Buffer {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
  ];
  const stream = `BT /F1 12 Tf 20 100 Td (${text}) Tj ET`;
  objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

export function pngBytes(options: { width?: number; height?: number } = {}): Promise<Buffer> {
  return sharp({ create: { width: options.width ?? 8, height: options.height ?? 8, channels: 3, background: "#3b82f6" } }).png().toBuffer();
}

export function jpegBytes(): Promise<Buffer> {
  return sharp({ create: { width: 8, height: 8, channels: 3, background: "#10b981" } }).jpeg().toBuffer();
}

/** Explicit VR little endian data element with a short (2-byte) length. */
function dicomElement(group: number, element: number, vr: string, value: string): Buffer {
  const padded = value.length % 2 ? `${value}${vr === "UI" ? "\0" : " "}` : value;
  const header = Buffer.alloc(8);
  header.writeUInt16LE(group, 0);
  header.writeUInt16LE(element, 2);
  header.write(vr, 4, "latin1");
  header.writeUInt16LE(padded.length, 6);
  return Buffer.concat([header, Buffer.from(padded, "latin1")]);
}

/** A DICOM Part 10 file: 128-byte preamble, "DICM", a few meta and patient tags. */
export function dicomBytes(): Buffer {
  return Buffer.concat([
    Buffer.alloc(128),
    Buffer.from("DICM", "latin1"),
    dicomElement(0x0002, 0x0002, "UI", "1.2.840.10008.5.1.4.1.1.7"),
    dicomElement(0x0002, 0x0010, "UI", "1.2.840.10008.1.2.1"),
    dicomElement(0x0008, 0x0060, "CS", "OT"),
    dicomElement(0x0010, 0x0010, "PN", "Test^Patient"),
  ]);
}

/** A ZIP of stored (uncompressed) entries, in the given order. */
export function zipBytes(entries: Array<[name: string, content: string]>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = Buffer.from(content, "utf8");
    const fileName = Buffer.from(name, "utf8");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const centralDirectory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDirectory, end]);
}

/** A minimal Word document, laid out as Word writes it ([Content_Types].xml first). */
export function docxBytes(): Buffer {
  return zipBytes([
    [
      "[Content_Types].xml",
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ],
    [
      "_rels/.rels",
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ],
    ["word/document.xml", '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Hi</w:t></w:r></w:p></w:body></w:document>'],
  ]);
}

/** What the browser does with the upload URL: stage blocks, then commit the list. */
export async function uploadWithSas(uploadUrl: string, bytes: Buffer, blockSize = 64 * 1024): Promise<void> {
  const blob = new BlockBlobClient(uploadUrl);
  const blockIds: string[] = [];
  for (let start = 0, index = 0; start < bytes.length || index === 0; start += blockSize, index += 1) {
    const chunk = bytes.subarray(start, start + blockSize);
    const id = Buffer.from(`block-${String(index).padStart(6, "0")}`).toString("base64");
    await blob.stageBlock(id, chunk, chunk.length);
    blockIds.push(id);
  }
  await blob.commitBlockList(blockIds);
}
