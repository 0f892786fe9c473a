import { describe, expect, it } from 'vitest';
import {
  ANSWER_CHANNEL_LABELS,
  ANSWER_CHANNELS,
  fieldErrors,
  normalizeRussianPhone,
  QUESTION_FORM_FIELD_LABELS,
  QUESTION_FORM_MESSAGES,
  QuestionFormSchema,
  type QuestionFormInput,
} from './question-form';

const valid: QuestionFormInput = {
  name: 'Анна Петровна',
  email: 'ivanova@mail.ru',
  phone: '',
  answerChannel: 'email',
  postalAddress: '',
  audience: 'fl',
  topic: 'pokazaniya',
  accountNumber: '',
  text: 'Как передать показания счётчика?',
  consent: true,
  website: '',
};

/** Field errors of a form changed from the valid one; {} when it passes. */
function errorsOf(change: Record<string, unknown>): Record<string, string> {
  const result = QuestionFormSchema.safeParse({ ...valid, ...change });
  return result.success ? {} : fieldErrors(result.error);
}

const CYRILLIC_SENTENCE = /^[А-ЯЁ][^a-z]*[а-яё]/;

describe('a valid question', () => {
  it('passes, trimmed, with empty optional fields turned into undefined', () => {
    const result = QuestionFormSchema.parse({
      ...valid,
      name: '  Анна Петровна ',
      text: '  Как передать показания?  ',
    });
    expect(result).toEqual({
      name: 'Анна Петровна',
      email: 'ivanova@mail.ru',
      phone: undefined,
      answerChannel: 'email',
      postalAddress: undefined,
      audience: 'fl',
      topic: 'pokazaniya',
      accountNumber: undefined,
      text: 'Как передать показания?',
      consent: true,
      website: '',
    });
  });

  it('passes with the optional fields left out altogether', () => {
    const { phone, postalAddress, accountNumber, website, ...minimal } = valid;
    expect(QuestionFormSchema.safeParse(minimal).success).toBe(true);
  });

  it('drops fields it does not know', () => {
    expect(QuestionFormSchema.parse({ ...valid, role: 'admin' })).not.toHaveProperty('role');
  });
});

describe('name', () => {
  it.each(['Анна', 'Иван Петрович', 'Мария-Луиза', "д'Артаньян", 'Д’Артаньян', 'А. П. Чехов', 'John Smith', 'Ёж'])(
    'accepts %j',
    (name) => {
      expect(errorsOf({ name })).toEqual({});
    },
  );

  it('asks for a name when it is missing or blank', () => {
    expect(errorsOf({ name: undefined }).name).toBe('Укажите, как к вам обращаться');
    expect(errorsOf({ name: '   ' }).name).toBe('Укажите, как к вам обращаться');
  });

  it('needs 2 to 100 characters after trimming', () => {
    expect(errorsOf({ name: ' А ' }).name).toBe(QUESTION_FORM_MESSAGES.nameTooShort);
    expect(errorsOf({ name: 'Я'.repeat(100) })).toEqual({});
    expect(errorsOf({ name: 'Я'.repeat(101) }).name).toBe(QUESTION_FORM_MESSAGES.nameTooLong);
  });

  it.each(['Анна2', 'Анна <script>', 'Анна_Петровна', 'Анна\nПетровна', '...', "-'"])('rejects %j', (name) => {
    expect(errorsOf({ name }).name).toBe(QUESTION_FORM_MESSAGES.nameCharacters);
  });
});

describe('email', () => {
  it('trims an address', () => {
    expect(QuestionFormSchema.parse({ ...valid, email: ' ivanova@mail.ru ' }).email).toBe('ivanova@mail.ru');
  });

  it.each(['ivanova', 'ivanova@', '@mail.ru', 'ivanova@mail', 'iva nova@mail.ru'])(
    'rejects %j with an example',
    (email) => {
      expect(errorsOf({ email }).email).toBe('Проверьте адрес электронной почты: например, ivanova@mail.ru');
    },
  );

  it('allows at most 254 characters', () => {
    const address = (length: number) =>
      `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(length - 196)}.ru`;
    expect(address(254)).toHaveLength(254);
    expect(errorsOf({ email: address(254) })).toEqual({});
    expect(errorsOf({ email: address(255) }).email).toBe(QUESTION_FORM_MESSAGES.emailTooLong);
  });
});

describe('phone', () => {
  it.each([
    ['+7 (912) 345-67-89', '+79123456789'],
    ['8 912 345 67 89', '+79123456789'],
    ['89123456789', '+79123456789'],
    ['+74951234567', '+74951234567'],
    ['8 (495) 123-45-67', '+74951234567'],
    [' +7-912-345-67-89 ', '+79123456789'],
  ])('normalises %j to %s', (phone, normalised) => {
    expect(QuestionFormSchema.parse({ ...valid, phone }).phone).toBe(normalised);
    expect(normalizeRussianPhone(phone.trim())).toBe(normalised);
  });

  it.each([
    '9123456789',
    '+7 912 345 67 8',
    '+7 912 345 67 890',
    '+1 912 345 67 89',
    '7 912 345 67 89',
    '+7 912 345.67.89',
    '8-912-ABC-67-89',
  ])('rejects %j', (phone) => {
    expect(errorsOf({ phone }).phone).toBe(QUESTION_FORM_MESSAGES.phone);
  });
});

describe('contact data and answer channel', () => {
  it('requires an e-mail or a phone, reported on the email field', () => {
    expect(
      errorsOf({ email: '', phone: '', answerChannel: 'post', postalAddress: '123456, г. Киров, ул. Ленина, д. 1' }),
    ).toEqual({
      email: 'Укажите e-mail или телефон, чтобы мы могли ответить',
    });
    expect(errorsOf({ email: undefined, phone: undefined }).email).toBe(QUESTION_FORM_MESSAGES.contactRequired);
  });

  it('accepts a phone alone when the answer goes by phone', () => {
    expect(errorsOf({ email: '', phone: '89123456789', answerChannel: 'phone' })).toEqual({});
  });

  it('needs the e-mail for an answer by e-mail', () => {
    expect(errorsOf({ email: '', phone: '89123456789', answerChannel: 'email' })).toEqual({
      email: QUESTION_FORM_MESSAGES.emailForAnswer,
    });
  });

  it('needs the phone for an answer by phone', () => {
    expect(errorsOf({ answerChannel: 'phone' })).toEqual({ phone: QUESTION_FORM_MESSAGES.phoneForAnswer });
  });

  it('needs a postal address of 10 to 300 characters for an answer by post', () => {
    expect(errorsOf({ answerChannel: 'post' })).toEqual({
      postalAddress: QUESTION_FORM_MESSAGES.postalAddressRequired,
    });
    expect(errorsOf({ answerChannel: 'post', postalAddress: 'Киров, 1' })).toEqual({
      postalAddress: QUESTION_FORM_MESSAGES.postalAddressLength,
    });
    expect(errorsOf({ answerChannel: 'post', postalAddress: '610000, г. Киров, ул. Ленина, д. 1' })).toEqual({});
    expect(errorsOf({ answerChannel: 'post', postalAddress: 'а'.repeat(301) }).postalAddress).toBe(
      QUESTION_FORM_MESSAGES.postalAddressLength,
    );
  });

  it('does not ask how to answer when only an e-mail is given: the answer goes by e-mail', () => {
    expect(errorsOf({ email: 'ivanova@mail.ru', phone: '', answerChannel: undefined })).toEqual({});
    expect(QuestionFormSchema.parse({ ...valid, email: 'ivanova@mail.ru', phone: '', answerChannel: undefined }).answerChannel).toBe('email');
  });

  it('does not ask how to answer when only a phone is given: the answer goes by phone', () => {
    expect(QuestionFormSchema.parse({ ...valid, email: '', phone: '8 912 345-67-89', answerChannel: undefined }).answerChannel).toBe('phone');
    // An untouched radio group is sent as null.
    expect(QuestionFormSchema.parse({ ...valid, email: '', phone: '8 912 345-67-89', answerChannel: null }).answerChannel).toBe('phone');
  });

  it('asks how to answer when both an e-mail and a phone are given', () => {
    expect(errorsOf({ email: 'ivanova@mail.ru', phone: '89123456789', answerChannel: undefined })).toEqual({
      answerChannel: 'Вы указали и e-mail, и телефон: выберите, как вам удобнее получить ответ',
    });
    expect(QuestionFormSchema.parse({ ...valid, email: 'ivanova@mail.ru', phone: '89123456789', answerChannel: 'phone' }).answerChannel).toBe('phone');
  });

  it('keeps a chosen channel other than the only contact: post with an e-mail', () => {
    const form = QuestionFormSchema.parse({ ...valid, answerChannel: 'post', postalAddress: '610000, г. Киров, ул. Ленина, д. 1' });
    expect(form.answerChannel).toBe('post');
  });

  it('accepts only the three channels', () => {
    expect(errorsOf({ answerChannel: 'telegram' }).answerChannel).toBe('Выберите, как вам удобнее получить ответ');
    expect(Object.keys(ANSWER_CHANNEL_LABELS)).toEqual([...ANSWER_CHANNELS]);
  });
});

describe('audience, topic, account number, text', () => {
  it('accepts individuals and legal entities but not «all»', () => {
    expect(errorsOf({ audience: 'ul' })).toEqual({});
    expect(errorsOf({ audience: 'all' }).audience).toBe(QUESTION_FORM_MESSAGES.audience);
    expect(errorsOf({ audience: undefined }).audience).toBe(QUESTION_FORM_MESSAGES.audience);
  });

  it.each(['', 'Показания', 'pokazaniya/../admin', 'dogovor zaklyuchenie', '-dogovor'])('rejects topic %j', (topic) => {
    expect(errorsOf({ topic }).topic).toBe('Выберите тему вопроса из списка');
  });

  it('accepts a topic slug', () => {
    expect(errorsOf({ topic: 'dogovor-zaklyuchenie' })).toEqual({});
  });

  it('takes a 6–20 digit account number, ignoring spaces between groups', () => {
    expect(QuestionFormSchema.parse({ ...valid, accountNumber: ' 1234 5678 90 ' }).accountNumber).toBe('1234567890');
    expect(errorsOf({ accountNumber: '123456' })).toEqual({});
    expect(errorsOf({ accountNumber: '1'.repeat(20) })).toEqual({});
    for (const accountNumber of ['12345', '1'.repeat(21), '12345A', '123-456']) {
      expect(errorsOf({ accountNumber }).accountNumber).toBe(QUESTION_FORM_MESSAGES.accountNumber);
    }
  });

  it('needs a question text of 10 to 5000 characters after trimming', () => {
    expect(errorsOf({ text: '   ' }).text).toBe('Напишите, пожалуйста, ваш вопрос');
    expect(errorsOf({ text: '  Короткий  ' }).text).toBe(QUESTION_FORM_MESSAGES.textTooShort);
    expect(errorsOf({ text: 'ж'.repeat(5000) })).toEqual({});
    expect(errorsOf({ text: 'ж'.repeat(5001) }).text).toBe(QUESTION_FORM_MESSAGES.textTooLong);
  });
});

describe('consent and honeypot', () => {
  it.each([false, undefined, 'true', 1, 'on'])('refuses consent %j', (consent) => {
    expect(errorsOf({ consent }).consent).toBe(
      'Без согласия на обработку персональных данных мы не сможем принять обращение',
    );
  });

  it('refuses a filled honeypot with a neutral message', () => {
    const message = errorsOf({ website: 'http://spam.example' }).website;
    expect(message).toBe(QUESTION_FORM_MESSAGES.website);
    expect(message).not.toMatch(/сайт|бот|спам/i);
    expect(errorsOf({ website: ' ' }).website).toBe(QUESTION_FORM_MESSAGES.website);
  });
});

describe('messages and labels', () => {
  it('reports every problem at once, one Russian message per field', () => {
    const result = QuestionFormSchema.safeParse({ consent: false, website: 'x' });
    const errors = fieldErrors(result.error!);
    // No answer channel among them: without any contact the e-mail field asks for one, and one contact is the channel.
    expect(Object.keys(errors).sort()).toEqual(['audience', 'consent', 'email', 'name', 'text', 'topic', 'website'].sort());
    for (const message of Object.values(errors)) expect(message).toMatch(CYRILLIC_SENTENCE);
  });

  it('writes every message in Russian', () => {
    for (const message of Object.values(QUESTION_FORM_MESSAGES)) expect(message).toMatch(CYRILLIC_SENTENCE);
  });

  it('answers a body that is not an object with the general form message', () => {
    expect(fieldErrors(QuestionFormSchema.safeParse('text').error!)).toEqual({
      _form: 'Проверьте, пожалуйста, поля формы',
    });
  });

  it('has a Russian label for every field of the schema', () => {
    expect(Object.keys(QUESTION_FORM_FIELD_LABELS).sort()).toEqual(Object.keys(QuestionFormSchema.in.shape).sort());
    for (const label of Object.values(QUESTION_FORM_FIELD_LABELS)) expect(label).toMatch(/^[А-ЯЁ]/);
  });
});
