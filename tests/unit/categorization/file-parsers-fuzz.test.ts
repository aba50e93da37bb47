// Damaged uploads against the parsers that read them (finalize's file-type
// check, then the background jobs): each
// must answer (a result or an error), never loop. A loop cannot be stopped
// inside the process it blocks (exifr did, on a HEIC box of size 0), so the
// cases run in a child process that is killed if it takes too long.
import { spawnSync } from "node:child_process";
import path from "node:path";

describe("file parsers on damaged uploads", () => {
  it.each([1, 2, 3])("all return for 300 rounds of damaged JPEG, PNG, HEIC, DICOM, PDF and DOCX files (seed %i)", (seed) => {
    const child = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(__dirname, "support/fuzz-file-parsers.ts"), String(seed), "300"], {
      cwd: path.join(__dirname, "../../.."),
      encoding: "utf8",
      timeout: 60_000,
    });
    const lastCase = child.stdout.trim().split("\n").pop();
    expect({ signal: child.signal, status: child.status, lastCase }).toEqual({ signal: null, status: 0, lastCase: "all done: 300 rounds" });
  }, 90_000);
});
