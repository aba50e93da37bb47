// What a job's log line says when storage refuses: the real client against
// Azurite, so the test follows where @azure/storage-blob puts the error code.
import { errorLabel } from "@/lib/logger";
import { blobService, recordsContainer } from "@/lib/storage/blob-service";

async function thrownBy(operation: Promise<unknown>): Promise<unknown> {
  try {
    await operation;
  } catch (error) {
    return error;
  }
  throw new Error("expected the storage call to fail");
}

describe("errorLabel for storage errors", () => {
  beforeAll(async () => {
    await recordsContainer().createIfNotExists();
  });

  it("names Azure's error code and the HTTP status for a missing blob, read without a body (HEAD, download)", async () => {
    const missing = recordsContainer().getBlockBlobClient("records/no-such-owner/no-such-blob");
    expect(errorLabel(await thrownBy(missing.getProperties()))).toBe("RestError [BlobNotFound, HTTP 404]");
    expect(errorLabel(await thrownBy(missing.download(0, 16)))).toBe("RestError [BlobNotFound, HTTP 404]");
  });

  it("names the code from the body when there is one", async () => {
    // Listing a container that does not exist answers with an XML error body.
    const absent = blobService().getContainerClient("no-such-container");
    expect(errorLabel(await thrownBy(absent.listBlobsFlat().next()))).toBe("RestError [ContainerNotFound, HTTP 404]");
  });
});
