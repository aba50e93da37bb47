// The rule table: which words point to which category, and how strongly.
//
// `match` is a regular-expression source, matched case-insensitively (unless
// `caseSensitive`) as a whole word or phrase: it must not touch a letter or digit
// on either side. Weights are relative: a title such as "Discharge Summary" is
// worth 6, a distinctive term ("reference range") 3, a supporting word ("dose") 1.
// Each pattern counts once per source, a little more if repeated (see
// score-categories.ts), twice if it appears in the title area.
//
// To extend: add a pattern to the right category (or a new filename alias),
// add a corpus item that needs it with its label (tests/corpus), and run the
// accuracy test. A pattern that fires in other categories' documents too should
// get a low weight.
import type { RecordCategory, SignalSource } from "../types";

export interface CategoryPattern {
  match: string;
  weight: number;
  caseSensitive?: boolean;
  /** Only these sources (e.g. ["filename"] for "bloodwork", "eob"). Default: all text sources. */
  onlyIn?: SignalSource[];
}

export type CategoryRules = Readonly<Partial<Record<RecordCategory, readonly CategoryPattern[]>>>;

export const CATEGORY_RULES: CategoryRules = {
  IMAGING: [
    { match: "radiology report|imaging report|diagnostic imaging|radiology|imaging services", weight: 4 },
    { match: "impression", weight: 2 },
    { match: "findings", weight: 1.5 },
    { match: "technique", weight: 2 },
    { match: "comparison", weight: 1.5 },
    { match: "(?:with|without) (?:iv )?contrast|contrast[- ]enhanced", weight: 2 },
    { match: "radiologist", weight: 2.5 },
    { match: "CT|MRI|PET", weight: 2, caseSensitive: true },
    { match: "computed tomography|magnetic resonance|cat scan", weight: 2.5 },
    { match: "x-?rays?|radiographs?|radiography", weight: 2.5 },
    { match: "ultrasound|sonograph\\w*|sonogram|doppler", weight: 2.5 },
    { match: "mammogra\\w*|bi-?rads|tomosynthesis", weight: 3 },
    { match: "nuclear medicine|scintigra\\w*|spect|bone scan", weight: 2.5 },
    { match: "views?|projections?|sequences?|axial|sagittal|coronal", weight: 1 },
    { match: "clinical (?:history|indication)|indication", weight: 1 },
    { match: "xray|mri|ct|us|scan|dicom|echo|mammo", weight: 2, onlyIn: ["filename"] },
  ],
  LAB_RESULT: [
    { match: "laboratory (?:report|results?)|lab (?:report|results?)|pathology report|test results?", weight: 5 },
    { match: "reference (?:range|interval)|ref\\.? range|normal range", weight: 3 },
    { match: "specimen|sample type", weight: 2 },
    { match: "laboratory|lab", weight: 1.5 },
    { match: "complete blood count|cbc|metabolic panel|bmp|cmp|lipid panel|urinalysis|thyroid panel|hemoglobin a1c|hba1c", weight: 3 },
    { match: "ha?emoglobin|hematocrit|platelets?|wbc|rbc|white blood cells?|red blood cells?", weight: 2 },
    { match: "glucose|cholesterol|triglycerides|ldl|hdl|creatinine|egfr|sodium|potassium|tsh|ferritin|vitamin d|alt|ast|bilirubin|albumin", weight: 1.5 },
    { match: "mg/dl|g/dl|mmol/l|u/l|miu/l|ng/ml|pg/ml|10\\^3/ul|x10e3/ul|fl|meq/l", weight: 2 },
    { match: "flag|abnormal|within normal limits", weight: 1 },
    { match: "units?|results?", weight: 0.75 },
    { match: "fasting", weight: 1 },
    { match: "bloodwork|blood ?tests?|labs|lab|cbc|panel|lipids", weight: 2, onlyIn: ["filename"] },
  ],
  PRESCRIPTION: [
    { match: "prescription|rx", weight: 3 },
    { match: "sig", weight: 3 },
    { match: "refills?", weight: 2.5 },
    { match: "dispense|disp|dispense as written|substitution (?:permitted|allowed)", weight: 2.5 },
    { match: "qty|quantity", weight: 1.5 },
    { match: "tablets?|capsules?|tabs?|caps?", weight: 1.5 },
    { match: "by mouth|orally|p\\.?o\\.?", weight: 1.5 },
    { match: "once daily|twice daily|(?:once|twice|three times) a day|every \\d+ hours|at bedtime|as needed|bid|tid|qid|qd|qhs|prn", weight: 1.5 },
    { match: "dea", weight: 2 },
    { match: "pharmacy|pharmacist|prescriber", weight: 1.5 },
    { match: "mg|mcg", weight: 0.5 },
    { match: "meds?|medications?|pills?|scripts?", weight: 2, onlyIn: ["filename"] },
  ],
  CLINICAL_NOTE: [
    { match: "progress note|office visit|clinic note|visit note|consultation note|consult note|soap note|history (?:and|&) physical|h&p|visit summary|encounter note|clinical note|follow[- ]?up visit|return visit|annual physical|wellness visit|well[- ]child visit|telehealth visit|video visit", weight: 5 },
    { match: "chief complaint|reason for visit|presenting complaint", weight: 3 },
    { match: "history of present illness|hpi", weight: 3 },
    { match: "subjective", weight: 2.5 },
    { match: "objective", weight: 2 },
    { match: "assessment(?: (?:and|&) plan)?|a/p", weight: 2 },
    { match: "plan", weight: 1 },
    { match: "review of systems|ros", weight: 2.5 },
    { match: "physical exam(?:ination)?|exam", weight: 1.5 },
    { match: "vital signs|vitals|blood pressure|bp|heart rate|temp", weight: 1 },
    { match: "past medical history|social history|family history|pmh", weight: 2 },
    { match: "follow[- ]?up|return to clinic|rtc", weight: 1 },
    { match: "note|notes|visit|consult|checkup|check up|physical|soap", weight: 2, onlyIn: ["filename"] },
  ],
  DISCHARGE_SUMMARY: [
    { match: "discharge summary|discharge report|hospital discharge", weight: 6 },
    { match: "admission date|date of admission|admitted", weight: 3 },
    { match: "discharge date|date of discharge|discharged", weight: 3 },
    { match: "discharge diagnos[ie]s|final diagnos[ie]s|principal diagnosis|admitting diagnosis|admission diagnosis", weight: 4 },
    { match: "hospital course|course in hospital|clinical course", weight: 4 },
    { match: "discharge medications|medications on discharge|discharge instructions|condition (?:on|at) discharge|discharge condition|discharge disposition", weight: 3 },
    { match: "disposition|length of stay|inpatient|ward", weight: 1.5 },
    { match: "discharge", weight: 1.5 },
    { match: "discharge|hospital|inpatient", weight: 2, onlyIn: ["filename"] },
  ],
  REFERRAL: [
    { match: "referral(?: letter| form| request)?", weight: 3 },
    { match: "reason for (?:referral|consultation|consult)", weight: 4 },
    { match: "referred to|refer(?:ring)? (?:you|this patient|him|her)|is being referred", weight: 3 },
    { match: "referring (?:physician|provider|doctor|clinician)|referred by", weight: 3 },
    { match: "please (?:see|evaluate|assess|review)|kindly (?:see|evaluate|assess|review)|i would be grateful|would appreciate your", weight: 2.5 },
    { match: "thank you for (?:seeing|your assistance|your help|accepting)|many thanks", weight: 2 },
    { match: "dear dr\\.?|dear doctor|dear colleague", weight: 2 },
    { match: "specialist|consultation requested|appointment requested|urgency|priority", weight: 1.5 },
    { match: "referral|refer|ref", weight: 2, onlyIn: ["filename"] },
  ],
  IMMUNIZATION: [
    { match: "immuni[sz]ations?|vaccination record|vaccination certificate|immuni[sz]ation record|vaccine record", weight: 5 },
    { match: "vaccines?|vaccinations?|vaccinated", weight: 3 },
    { match: "lot (?:number|no\\.?|#)|lot", weight: 2.5 },
    { match: "booster|dose (?:1|2|3|one|two|three)|(?:1st|2nd|3rd|first|second|third) dose", weight: 2 },
    { match: "dose", weight: 0.75 },
    { match: "manufacturer|mfr", weight: 1.5 },
    { match: "deltoid|intramuscular|im injection|injection site|site", weight: 1.5 },
    { match: "influenza|flu shot|tetanus|tdap|dtap|mmr|hepatitis [ab]|covid-19|sars-cov-2|pfizer|moderna|comirnaty|spikevax|shingrix|zoster|pneumococcal|hpv|varicella|polio", weight: 1.5 },
    { match: "administered by|vaccinator|vis date|cvx", weight: 2 },
    { match: "vaccines?|vax|shots?|immuni[sz]ations?|flu|covid|tetanus", weight: 2, onlyIn: ["filename"] },
  ],
  INSURANCE_BILLING: [
    { match: "invoice|itemi[sz]ed bill|billing statement|patient statement|explanation of benefits|eob|insurance card", weight: 5 },
    { match: "amount due|balance due|total due|patient responsibility|amount you owe|you may owe|total charges|balance forward", weight: 3 },
    { match: "claim(?: number| no\\.?| #| id)?|claims", weight: 2.5 },
    { match: "cpt|hcpcs|procedure code", weight: 3 },
    { match: "policy (?:number|no\\.?|#|holder)|member id|member number|group (?:number|no\\.?|#)|subscriber|payer|payor", weight: 2.5 },
    { match: "copay|co-pay|coinsurance|deductible|out-of-pocket|allowed amount|plan paid|insurance paid", weight: 2.5 },
    { match: "billed|charges?|payments?|paid|adjustments?|remittance|account (?:number|no\\.?|#)", weight: 1 },
    { match: "insurance|insurer|health plan", weight: 1.5 },
    { match: "\\$\\s?\\d", weight: 1 },
    { match: "invoice|bill|billing|eob|insurance|receipt|claim|statement", weight: 2, onlyIn: ["filename"] },
  ],
};

/** Below this best score the document is OTHER: too little evidence for any category. */
export const MIN_CATEGORY_SCORE = 3;

/** How much one match is worth by where it was found. */
export const SOURCE_WEIGHTS: Record<SignalSource, number> = {
  dicom: 3,
  "pdf-text": 1,
  text: 1,
  // OCR text is noisier: a misread word matches nothing, a lucky misread could match the wrong rule.
  ocr: 0.9,
  exif: 0,
  filename: 1.5,
};

/** A DICOM file is an image by definition: this much IMAGING score before any text. */
export const DICOM_IMAGING_SCORE = 30;
