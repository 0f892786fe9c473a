/**
 * Names the questionnaire page, its island and the public server's no-script path share: the form fields (one per
 * question, `q.<question id>`), the API paths, and the browser storage keys of one questionnaire.
 */

/** `POST` here for a new answer token (JSON `{ questionnaire: slug }`). */
export const QUESTIONNAIRE_TOKEN_API_PATH = '/api/forms/questionnaire-token';
/** `POST` the answer sheet here (JSON). */
export const QUESTIONNAIRE_ANSWER_API_PATH = '/api/forms/questionnaire';

/** The form field of a question's answer. */
export const questionnaireFieldName = (questionId: string) => `q.${questionId}`;

/** localStorage key of the answer token of one questionnaire (only that questionnaire's page reads it). */
export const questionnaireTokenKey = (questionnaireId: string) => `anketa:${questionnaireId}:token`;
/** localStorage key set once the questionnaire is answered from this browser. */
export const questionnaireAnsweredKey = (questionnaireId: string) => `anketa:${questionnaireId}:answered`;
