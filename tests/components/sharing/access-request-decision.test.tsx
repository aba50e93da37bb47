// Answering an access request: approve as asked, narrow it first (never widen),
// deny; and revoking a share asks first.
import { act, fireEvent, render, screen } from "@testing-library/react";
import { AccessRequestDecision, type PendingRequestTerms } from "@/components/sharing/access-request-decision";
import { RevokeGrantDialog } from "@/components/sharing/revoke-grant-dialog";

jest.mock("@/app/(patient)/patient/sharing/actions", () => ({ revokeGrantAction: jest.fn(), decideAccessRequestAction: jest.fn() }));

const REQUEST: PendingRequestTerms = { id: "req-1", scope: "ALL", categories: [], level: "DOWNLOAD", durationDays: 30 };
const approved = () => jest.fn().mockResolvedValue({ ok: true, outcome: "approved" });

describe("AccessRequestDecision", () => {
  it("approves as asked", async () => {
    const decide = approved();
    render(<AccessRequestDecision request={REQUEST} decide={decide} clinicianName="Dr Grey" />);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Approve" })));
    expect(decide).toHaveBeenCalledWith({ requestId: "req-1", decision: { decision: "approve", level: "DOWNLOAD", durationDays: 30, scope: "ALL", categories: [] } });
  });

  it("narrows to one category, view only and fewer days", async () => {
    const decide = approved();
    render(<AccessRequestDecision request={REQUEST} decide={decide} clinicianName="Dr Grey" />);
    fireEvent.click(screen.getByText("Share less than asked"));
    fireEvent.click(screen.getByRole("radio", { name: "Only some categories" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Lab result" }));
    fireEvent.click(screen.getByRole("radio", { name: /^View only/ }));
    fireEvent.change(screen.getByLabelText("For how many days"), { target: { value: "7" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Approve" })));
    expect(decide).toHaveBeenCalledWith({ requestId: "req-1", decision: { decision: "approve", level: "VIEW", durationDays: 7, scope: "CATEGORIES", categories: ["LAB_RESULT"] } });
  });

  it("offers only levels the request includes and refuses more days than asked", async () => {
    const decide = approved();
    render(<AccessRequestDecision request={REQUEST} decide={decide} clinicianName="Dr Grey" />);
    fireEvent.click(screen.getByText("Share less than asked"));
    expect(screen.queryByRole("radio", { name: /^Contribute/ })).not.toBeInTheDocument();
    expect(screen.queryByRole("radio", { name: /^Propose edits/ })).not.toBeInTheDocument();
    fireEvent.change(screen.getByLabelText("For how many days"), { target: { value: "31" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Approve" })));
    expect(await screen.findByText("Share for at most the 30 days asked for.")).toBeInTheDocument();
    fireEvent.click(screen.getByRole("radio", { name: "Only some categories" }));
    fireEvent.change(screen.getByLabelText("For how many days"), { target: { value: "30" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Approve" })));
    expect(await screen.findByText("Choose at least one category.")).toBeInTheDocument();
    expect(decide).not.toHaveBeenCalled();
  });

  it("denies", async () => {
    const decide = jest.fn().mockResolvedValue({ ok: true, outcome: "denied" });
    render(<AccessRequestDecision request={REQUEST} decide={decide} clinicianName="Dr Grey" />);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Deny" })));
    expect(decide).toHaveBeenCalledWith({ requestId: "req-1", decision: { decision: "deny" } });
  });
});

describe("RevokeGrantDialog", () => {
  it("asks first and revokes only on confirmation", async () => {
    const revoke = jest.fn().mockResolvedValue({ ok: true, outcome: "revoked" });
    render(<RevokeGrantDialog grantId="g-1" granteeName="Dr Grey" revoke={revoke} />);
    fireEvent.click(screen.getByRole("button", { name: "Revoke access of Dr Grey" }));
    expect(await screen.findByRole("dialog", { name: "Revoke access for Dr Grey?" })).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Keep sharing" }));
    expect(revoke).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("button", { name: "Revoke access of Dr Grey" }));
    await act(async () => fireEvent.click(await screen.findByRole("button", { name: "Revoke now" })));
    expect(revoke).toHaveBeenCalledWith({ grantId: "g-1" });
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });

  it("keeps the dialog open with the reason when revoking fails", async () => {
    const revoke = jest.fn().mockResolvedValue({ ok: false, code: "INTERNAL", message: "Something went wrong on our side. Nothing you entered was lost." });
    render(<RevokeGrantDialog grantId="g-1" granteeName="Dr Grey" revoke={revoke} />);
    fireEvent.click(screen.getByRole("button", { name: "Revoke access of Dr Grey" }));
    await act(async () => fireEvent.click(await screen.findByRole("button", { name: "Revoke now" })));
    expect(screen.getByRole("dialog")).toHaveTextContent("Something went wrong on our side.");
  });
});
