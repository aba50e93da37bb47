import { act, fireEvent, render, screen } from "@testing-library/react";
import { DELETE_EXPLANATION, DeleteRecordDialog } from "@/components/records/detail/delete-record-dialog";

jest.mock("@/app/(patient)/patient/records/[recordId]/actions", () => ({ deleteRecordAction: jest.fn() }));

type Remove = NonNullable<Parameters<typeof DeleteRecordDialog>[0]["remove"]>;

describe("deleting a record", () => {
  it("asks first, and deletes only when the question is confirmed", async () => {
    const remove = jest.fn().mockReturnValue(new Promise(() => {})); // the real action redirects and never returns
    render(<DeleteRecordDialog recordId="rec_1" name="scan <1>.dcm" remove={remove as unknown as Remove} />);

    fireEvent.click(screen.getByRole("button", { name: "Delete" }));
    const dialog = await screen.findByRole("dialog", { name: "Delete this record?" });
    expect(dialog).toHaveTextContent(DELETE_EXPLANATION);
    expect(DELETE_EXPLANATION).toBe("The file is removed for good. The access log keeps a note that it existed.");
    expect(dialog).toHaveTextContent("scan <1>.dcm");
    expect(remove).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole("button", { name: "Keep it" }));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(remove).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole("button", { name: "Delete" }));
    await act(async () => fireEvent.click(await screen.findByRole("button", { name: "Delete for good" })));
    expect(remove).toHaveBeenCalledWith({ recordId: "rec_1" });
  });

  it("keeps the dialog open with the reason when deleting fails", async () => {
    const remove = jest.fn().mockResolvedValue({ ok: false, code: "SERVICE_UNAVAILABLE", message: "The file could not be deleted right now. Nothing was removed; please try again." });
    render(<DeleteRecordDialog recordId="rec_1" name="letter.pdf" remove={remove as unknown as Remove} />);
    fireEvent.click(screen.getByRole("button", { name: "Delete" }));
    await act(async () => fireEvent.click(await screen.findByRole("button", { name: "Delete for good" })));
    expect(await screen.findByRole("alert")).toHaveTextContent("Nothing was removed");
    expect(screen.getByRole("dialog")).toBeInTheDocument();
  });
});
