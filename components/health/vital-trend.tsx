// A small trend chart of one vital sign's readings: inline SVG, oldest to
// newest. The picture is decorative for screen readers: the same readings are
// in a table (visually folded away) and summed up in a sentence.
import type { HealthEntryViewOf } from "@/lib/health/health-entry-view";
import { formatVital, vitalLabel, type VitalType } from "@/lib/validation/health";
import { formatDay } from "./describe-entry";

const WIDTH = 280;
const HEIGHT = 72;
const PAD = 6;

/** Readings newest first, as lists hold them. Only readings in the unit of the latest are drawn. */
export function VitalTrend({ type, readings }: { type: VitalType; readings: HealthEntryViewOf<"VITAL_SIGN">[] }) {
  const unit = readings[0]?.data.unit;
  const series = readings.filter((r) => r.data.unit === unit).slice(0, 20).reverse();
  if (series.length === 0) return null;
  const label = vitalLabel(type);
  const lines = type === "blood-pressure" ? [series.map((r) => r.data.value), series.map((r) => r.data.diastolic ?? r.data.value)] : [series.map((r) => r.data.value)];
  const all = lines.flat();
  const min = Math.min(...all);
  const max = Math.max(...all);
  const span = max - min || 1;
  const x = (i: number) => (series.length === 1 ? WIDTH / 2 : PAD + (i * (WIDTH - 2 * PAD)) / (series.length - 1));
  const y = (v: number) => HEIGHT - PAD - ((v - min) * (HEIGHT - 2 * PAD)) / span;
  const first = series[0]!;
  const last = series.at(-1)!;
  const summary =
    series.length === 1
      ? `${label}: one reading, ${formatVital(last.data)} on ${formatDay(last.data.takenAt)}.`
      : `${label}: ${series.length} readings from ${formatDay(first.data.takenAt)} to ${formatDay(last.data.takenAt)}, latest ${formatVital(last.data)}, lowest ${min} and highest ${max} ${unit}.`;

  return (
    <figure className="flex flex-col gap-2">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-20 w-full max-w-sm" role="img" aria-label={summary} preserveAspectRatio="none">
        <rect x="0" y="0" width={WIDTH} height={HEIGHT} rx="8" className="fill-slate-50" />
        {lines.map((values, index) => (
          <g key={index} className={index === 0 ? "stroke-accent-700 fill-accent-700" : "stroke-slate-500 fill-slate-500"}>
            <polyline fill="none" strokeWidth="2" strokeDasharray={index === 0 ? undefined : "4 3"} points={values.map((v, i) => `${x(i)},${y(v)}`).join(" ")} />
            {values.map((v, i) => (
              <circle key={i} cx={x(i)} cy={y(v)} r="3" />
            ))}
          </g>
        ))}
      </svg>
      <figcaption className="text-sm text-slate-700">{summary}</figcaption>
      <details className="text-sm">
        <summary className="min-h-11 cursor-pointer py-2 font-medium text-accent-700">Show the readings as a table</summary>
        <table className="mt-1 w-full max-w-sm text-left">
          <caption className="sr-only">{label} readings</caption>
          <thead>
            <tr>
              <th scope="col" className="py-1 pr-4 font-semibold">
                Date
              </th>
              <th scope="col" className="py-1 font-semibold">
                Reading
              </th>
            </tr>
          </thead>
          <tbody>
            {[...series].reverse().map((r) => (
              <tr key={r.id} className="border-t border-slate-200">
                <td className="py-1 pr-4">{formatDay(r.data.takenAt)}</td>
                <td className="py-1">{formatVital(r.data)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
