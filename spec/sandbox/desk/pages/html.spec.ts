import { html, jsonScript } from '../../../../src/sandbox/desk/pages/html';

describe('html', () => {
  it('escapes interpolated text, keeps nested templates, joins arrays and drops empty values', () => {
    const item = (text: string) => html`<li>${text}</li>`;
    expect(html`<ul title="${'"x" & <y>'}">${['<a>', 'b'].map(item)}${null}${false}${undefined}${0}</ul>`.text).toBe(
      '<ul title="&#34;x&#34; &#38; &#60;y&#62;"><li>&#60;a&#62;</li><li>b</li>0</ul>',
    );
  });

  it('writes JSON that no value can close the script element with', () => {
    expect(jsonScript('c', { text: '</script><script>alert(1)' }).text).toBe(
      '<script type="application/json" id="c">{"text":"\\u003c/script>\\u003cscript>alert(1)"}</script>',
    );
  });
});
