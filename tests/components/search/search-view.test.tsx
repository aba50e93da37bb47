// Search as you type: one debounced POST /api/search per pause in typing (the
// text in the body, never the URL), results shown as they arrive, a clear
// message when search is unavailable.
import { act, fireEvent, render, screen } from "@testing-library/react";
import { SearchView, type SearchFormValues } from "@/components/search/search-view";

jest.mock("@/components/search/actions", () => ({ openSearchAction: jest.fn() }));

const values: SearchFormValues = { q: "", category: "", modality: "", provider: "", from: "", to: "", patient: "", archived: false, sort: "relevance" };
const initialState = { searched: false, hits: [], total: 0, hasMore: false, page: 1, error: null };

function respond(status: number, body: unknown) {
  return Promise.resolve({ ok: status < 400, status, json: () => Promise.resolve(body) } as Response);
}

describe("SearchView", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("searches once after typing pauses and shows the hits", async () => {
    const fetchMock = jest.fn(() =>
      respond(200, {
        searched: true,
        total: 1,
        hasMore: false,
        hits: [
          {
            recordId: "r1",
            patientId: "p1",
            patientName: null,
            title: [{ text: "lipid-panel.pdf", highlighted: false }],
            snippet: [{ text: "cholesterol", highlighted: true }],
            category: "LAB_RESULT",
            modality: null,
            sourceProvider: null,
            dateOfService: null,
            status: "READY",
            href: "/patient/records/r1",
          },
        ],
      }),
    );
    global.fetch = fetchMock as unknown as typeof fetch;
    render(<SearchView initialValues={values} initialState={initialState} providers={[]} patients={[]} />);
    const box = screen.getByRole("searchbox", { name: "Search your records" });
    fireEvent.change(box, { target: { value: "cho" } });
    fireEvent.change(box, { target: { value: "chol" } });
    fireEvent.change(box, { target: { value: "cholesterol" } });
    await act(async () => {
      jest.advanceTimersByTime(300);
    });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/search");
    expect(init.method).toBe("POST");
    expect(JSON.parse(String(init.body))).toMatchObject({ q: "cholesterol", page: 1 });
    expect(await screen.findByRole("link", { name: "lipid-panel.pdf" })).toHaveAttribute("href", "/patient/records/r1");
    expect(screen.getByText("1 record found")).toBeInTheDocument();
  });

  it("says so when search is unavailable", async () => {
    global.fetch = jest.fn(() => respond(503, { code: "SERVICE_UNAVAILABLE", message: "Search is unavailable right now." })) as unknown as typeof fetch;
    render(<SearchView initialValues={values} initialState={initialState} providers={[]} patients={[]} />);
    fireEvent.change(screen.getByRole("searchbox", { name: "Search your records" }), { target: { value: "knee" } });
    await act(async () => {
      jest.advanceTimersByTime(300);
    });
    expect(await screen.findByRole("alert")).toHaveTextContent("Search is unavailable right now.");
  });
});
