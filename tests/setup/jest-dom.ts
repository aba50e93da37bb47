// Adds DOM matchers (toBeInTheDocument, toHaveAccessibleName, ...) to expect in
// the jsdom "components" project.
import "@testing-library/jest-dom";
