// Runs extractExif on the bytes given (base64, argv[2]) in a process of its own
// and prints the outcome: a parser that loops forever would block the test's own
// process, where no timeout can stop it; this process can be killed instead.
import { extractExif } from "@/lib/categorization/extract/exif";

extractExif(Buffer.from(process.argv[2] ?? "", "base64")).then(
  (facts) => console.log(JSON.stringify({ facts })),
  (error: unknown) => console.log(JSON.stringify({ error: error instanceof Error ? error.message : String(error) })),
);
