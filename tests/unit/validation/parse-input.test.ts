import { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse-input";

const schema = z.object({ recordId: z.string().min(1), tags: z.array(z.string()).default([]) });

function refusal(input: unknown): AppError {
  try {
    parseInput(schema, input);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("parseInput", () => {
  it("returns the parsed value", () => {
    expect(parseInput(schema, { recordId: "abc" })).toEqual({ recordId: "abc", tags: [] });
  });

  it("names the field and the problem when one field is wrong", () => {
    const error = refusal({ recordId: "" });
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.details?.fieldErrors).toHaveProperty("recordId");
  });

  it("refuses a NUL byte anywhere, even where the schema would accept the string", () => {
    for (const input of [{ recordId: "abc\u0000" }, { recordId: "abc", tags: ["ok", "bad\u0000tag"] }]) {
      const error = refusal(input);
      expect(error.code).toBe("VALIDATION_FAILED");
      expect(error.message).toBe("Text cannot contain a NUL character.");
    }
    expect(refusal({ recordId: "abc", tags: ["x\u0000"] }).details?.fieldErrors).toHaveProperty("tags");
  });
});
