import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EnvConfigError, flagVariable, originVariable, parseEnv, portVariable, positiveNumberVariable } from './env-config';

const Schema = z.object({
  PORT: portVariable(3000),
  ORIGIN: originVariable().default('http://127.0.0.1:3001'),
  RATE: positiveNumberVariable(6),
  VERBOSE: flagVariable(),
  SECRET: z.string().min(32, 'must be at least 32 characters long').optional(),
});
const parse = (source: Record<string, string | undefined>) => parseEnv(Schema, source, { title: 'Invalid test environment', secrets: ['SECRET'] });
const problemsOf = (source: Record<string, string | undefined>): readonly string[] => {
  try {
    parse(source);
  } catch (error) {
    if (error instanceof EnvConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected the environment to be refused');
};

describe('environment parsing shared by every process', () => {
  it('gives the defaults when nothing is set, and treats an empty value as unset', () => {
    expect(parse({})).toEqual({ PORT: 3000, ORIGIN: 'http://127.0.0.1:3001', RATE: 6, VERBOSE: false });
    expect(parse({ PORT: '', ORIGIN: '', RATE: '', VERBOSE: '' })).toEqual({ PORT: 3000, ORIGIN: 'http://127.0.0.1:3001', RATE: 6, VERBOSE: false });
  });

  it('accepts good values', () => {
    expect(parse({ PORT: '65535', ORIGIN: 'https://cms.example.ru/', RATE: '0.5', VERBOSE: '1' })).toEqual({ PORT: 65535, ORIGIN: 'https://cms.example.ru', RATE: 0.5, VERBOSE: true });
  });

  it('names the variable and shows the bad value', () => {
    expect(problemsOf({ PORT: 'abc' })).toEqual(['PORT: expected a port number 1–65535, got "abc"']);
    expect(problemsOf({ PORT: '0' })).toEqual(['PORT: expected a port number 1–65535, got "0"']);
    expect(problemsOf({ PORT: '65536' })).toEqual(['PORT: expected a port number 1–65535, got "65536"']);
    expect(problemsOf({ PORT: '80.5' })).toEqual(['PORT: expected a port number 1–65535, got "80.5"']);
    expect(problemsOf({ RATE: '-1' })).toEqual(['RATE: expected a positive number, got "-1"']);
    expect(problemsOf({ VERBOSE: 'yes' })).toEqual(['VERBOSE: expected 1 or 0, got "yes"']);
  });

  it('accepts only an http(s) origin without path, query or credentials', () => {
    for (const bad of ['ftp://cms.example.ru', 'cms.example.ru:3001', 'http://cms.example.ru/api', 'http://user:pw@cms.example.ru', 'http://cms.example.ru/?a=1']) {
      expect(problemsOf({ ORIGIN: bad })).toEqual([`ORIGIN: expected an http(s) origin such as http://127.0.0.1:3001, got "${bad}"`]);
    }
  });

  it('lists every problem at once under the title', () => {
    expect(() => parse({ PORT: 'x', RATE: 'y' })).toThrow('Invalid test environment:\n  PORT: expected a port number 1–65535, got "x"\n  RATE: expected a positive number, got "y"');
  });

  it('never shows the value of a secret', () => {
    expect(problemsOf({ SECRET: 'short-secret' })).toEqual(['SECRET: must be at least 32 characters long']);
  });

  it("keeps zod's own messages in English for operators even when the process sets a visitor locale", () => {
    z.config(z.locales.ru());
    try {
      expect(() => parseEnv(z.object({ N: z.enum(['on', 'off']) }), { N: 'maybe' }, { title: 't' })).toThrow(/N: Invalid option: expected one of "on"\|"off", got "maybe"/);
    } finally {
      z.config(z.locales.en());
    }
  });
});
