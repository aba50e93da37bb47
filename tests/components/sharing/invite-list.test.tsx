// The patient's pending invitations: their terms, and "Cancel" that asks first.
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { InviteList, type ListedInvitation } from "@/components/sharing/invite-list";

jest.mock("@/app/(patient)/patient/sharing/actions", () => ({ cancelClinicianInvitationAction: jest.fn() }));

const INVITATION: ListedInvitation = {
  id: "inv-1",
  email: "dr.grey@clinic.example",
  scope: "CATEGORIES",
  categories: ["LAB_RESULT"],
  recordCount: 0,
  level: "DOWNLOAD",
  expiresAt: "2026-04-09T21:59:00.000Z",
  inviteExpiresAt: "2026-04-09T21:59:00.000Z",
};

describe("InviteList", () => {
  it("shows each pending invitation with its terms", () => {
    render(<InviteList invitations={[INVITATION]} cancel={jest.fn()} />);
    const item = within(screen.getByRole("list", { name: "Pending invitations" })).getByRole("listitem");
    expect(item).toHaveTextContent("dr.grey@clinic.example");
    expect(item).toHaveTextContent("Lab result records");
    expect(item).toHaveTextContent("View and download");
  });

  it("cancels only after confirmation, and keeps it when the patient changes their mind", async () => {
    const cancel = jest.fn().mockResolvedValue({ ok: true, outcome: "cancelled" });
    render(<InviteList invitations={[INVITATION]} cancel={cancel} />);

    fireEvent.click(screen.getByRole("button", { name: "Cancel the invitation of dr.grey@clinic.example" }));
    expect(await screen.findByRole("dialog", { name: "Cancel the invitation of dr.grey@clinic.example?" })).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Keep the invitation" }));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(cancel).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole("button", { name: "Cancel the invitation of dr.grey@clinic.example" }));
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Cancel invitation" })));
    expect(cancel).toHaveBeenCalledWith({ invitationId: "inv-1" });
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });

  it("says why a cancel failed and stays open", async () => {
    const cancel = jest.fn().mockResolvedValue({ ok: false, code: "NOT_FOUND", message: "We could not find that." });
    render(<InviteList invitations={[INVITATION]} cancel={cancel} />);
    fireEvent.click(screen.getByRole("button", { name: "Cancel the invitation of dr.grey@clinic.example" }));
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Cancel invitation" })));
    expect(screen.getByRole("alert")).toHaveTextContent("We could not find that.");
    expect(screen.getByRole("dialog")).toBeInTheDocument();
  });
});
