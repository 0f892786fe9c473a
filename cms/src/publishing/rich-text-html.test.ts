import { describe, expect, it } from 'vitest';
import { richTextToHtml, withoutStyleAttributes } from './rich-text-html';

const text = (value: string) => ({ type: 'text', text: value, format: 0, detail: 0, mode: 'normal', style: '', version: 1 });
const list = {
  root: {
    type: 'root',
    version: 1,
    direction: 'ltr',
    format: '',
    indent: 0,
    children: [
      {
        type: 'list',
        listType: 'bullet',
        tag: 'ul',
        start: 1,
        version: 1,
        direction: 'ltr',
        format: '',
        indent: 0,
        children: [
          { type: 'listitem', value: 1, version: 1, direction: 'ltr', format: '', indent: 0, children: [text('заключить договор')] },
          { type: 'listitem', value: 2, version: 1, direction: 'ltr', format: '', indent: 0, children: [text('style="color:red" — это просто текст')] },
        ],
      },
      { type: 'paragraph', version: 1, direction: 'ltr', format: 'center', indent: 0, children: [text('По центру')] },
    ],
  },
};

describe('rich text published on the site', () => {
  it('carries no style attribute the Content-Security-Policy would block, and keeps the words', () => {
    const html = richTextToHtml(list);
    expect(html).toContain('<li');
    expect(html).toContain('заключить договор');
    expect(html).not.toMatch(/<[^>]*\sstyle=/);
    expect(html).not.toMatch(/<[^>]*\sclass=""/);
  });

  it('leaves text that merely mentions an attribute as the editor wrote it', () => {
    expect(richTextToHtml(list)).toMatch(/style=(&quot;|")color:red(&quot;|") — это просто текст/);
    expect(withoutStyleAttributes('<p class="lead" style="x">a style="b"</p>')).toBe('<p class="lead">a style="b"</p>');
  });

  it('is empty for an empty field', () => {
    expect(richTextToHtml(null)).toBe('');
  });
});
