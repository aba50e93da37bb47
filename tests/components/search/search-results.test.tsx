// Search results render engine highlights as text: markup inside records stays
// visible characters, only our own <mark> elements are created.
import { render, screen, within } from "@testing-library/react";
import { SearchResults } from "@/components/search/search-results";
import type { SearchResultItem } from "@/lib/search/search-records";

const hit: SearchResultItem = {
  recordId: "rec1",
  patientId: "pat1",
  patientName: "Ana <b>Garcia</b>",
  title: [
    { text: '<img src=x onerror="alert(1)"> ', highlighted: false },
    { text: "Fracture", highlighted: true },
    { text: " report.pdf", highlighted: false },
  ],
  snippet: [
    { text: "<script>alert(1)</script> healing ", highlighted: false },
    { text: "fracture", highlighted: true },
  ],
  category: "IMAGING",
  modality: "XRAY",
  sourceProvider: "St. Mary's",
  dateOfService: "2024-03-05",
  status: "ARCHIVED",
  href: "/clinician/patients/pat1/records/rec1",
};

describe("SearchResults", () => {
  it("escapes record text and marks only the highlights", () => {
    const { container } = render(<SearchResults hits={[hit]} />);
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("script")).toBeNull();
    expect(container.querySelector("b")).toBeNull();
    const link = screen.getByRole("link");
    expect(link).toHaveAttribute("href", "/clinician/patients/pat1/records/rec1");
    expect(link).toHaveTextContent('<img src=x onerror="alert(1)"> Fracture report.pdf');
    const marks = [...container.querySelectorAll("mark")].map((mark) => mark.textContent);
    expect(marks).toEqual(["Fracture", "fracture"]);
    expect(screen.getByText("<script>alert(1)</script> healing")).toBeInTheDocument();
    const item = screen.getByRole("listitem");
    expect(within(item).getByText("Ana <b>Garcia</b>")).toBeInTheDocument();
    expect(within(item).getByText("Archived")).toBeInTheDocument();
    expect(within(item).getByText(/5 Mar 2024/)).toBeInTheDocument();
  });
});
