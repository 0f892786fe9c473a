/**
 * The parts every public appeal form is built from: the submission state machine (validate with the shared
 * schema, send, show the server's per-field errors), the error summary that takes focus, labelled fields
 * with hints and errors joined in `aria-describedby`, radio groups, the consent box, the honeypot, file
 * inputs, and the panels for success, refusal and failure. One form differs from another only in its fields.
 */
export { useAppealForm, type AppealFormOptions, type Registered } from './use-appeal-form';
export { ErrorSummary, FailureBanner, RefusalBanner, SuccessPanel } from './panels';
export { Checkbox, ConsentCheckbox, DigitsField, Field, Honeypot, RadioGroup, SelectField, TextAreaField, type FieldAria } from './fields';
export { AttachmentsField } from './attachments';
export { AppealFormFrame, SubmitButton, type FormAlternatives, type FormFrameKit } from './frame';
