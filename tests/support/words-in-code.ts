import { parse } from 'svelte/compiler';
import ts from 'typescript';

/**
 * Finds the app's own words written straight into code, where a translation cannot reach them: text
 * between a component's tags, in an attribute or a component's property (a label, `aria-label`, `alt`),
 * and English phrases in string literals of scripts. Words belong in messages/; `i18n-coverage.test.ts`
 * runs this over every component, page and state module.
 */

/** Attributes whose values are never words a person reads. */
const NOT_WORDS = new Set([
	'accept',
	'autocomplete',
	'class',
	'd',
	'data-testid',
	'dir',
	'enctype',
	'fill',
	'for',
	'form',
	'generics',
	'height',
	'href',
	'id',
	'inputmode',
	'lang',
	'method',
	'name',
	'points',
	'rel',
	'role',
	'slot',
	'spellcheck',
	'src',
	'stroke',
	'target',
	'transform',
	'type',
	'viewBox',
	'width',
	'xmlns',
	'scope',
	'headers',
	'text-anchor',
	'dominant-baseline',
	'aria-describedby',
	'aria-labelledby',
	'aria-controls'
]);

/** An attribute such as `as="select"` or `aria-live="polite"`: one lower-case token is a setting, not words. */
function isToken(value: unknown): boolean {
	const [only, ...rest] = Array.isArray(value) ? value : [];
	return (
		rest.length === 0 && isNode(only) && only.type === 'Text' && /^[a-z][a-z0-9-]*$/.test(String(only.data))
	);
}

function notWords(name: string): boolean {
	return (
		NOT_WORDS.has(name) ||
		/href$/i.test(name) ||
		name.startsWith('on') ||
		name.startsWith('bind:') ||
		name.startsWith('data-')
	);
}

/** Text between tags with a word of two letters or more in the Latin alphabet. */
const WORD = /[A-Za-z]{2,}/;
/** A string literal that reads as an English phrase: "Saved on this device", "Draft". */
const PHRASE = /^[A-Z][a-z’']+(?:[ ,:;.?!…—–]|$)/;

export type WordsFound = { line: number; text: string };

type Node = { type: string; start: number; [key: string]: unknown };

function isNode(value: unknown): value is Node {
	return typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';
}

function lineOf(source: string, offset: number): number {
	return source.slice(0, offset).split('\n').length;
}

/** A literal compared with (`key === 'Enter'`) or thrown (`new Error('…')`) is not shown as the app's words. */
function quiet(parent: Node | undefined): boolean {
	if (!parent) return false;
	if (parent.type === 'BinaryExpression' || parent.type === 'SwitchCase') return true;
	const callee = parent.callee as Node | undefined;
	return (
		parent.type === 'NewExpression' && callee?.type === 'Identifier' && /Error$/.test(String(callee.name))
	);
}

/** Words in a component: its markup's text and attributes, and English phrases in its scripts. */
export function wordsInComponent(source: string): WordsFound[] {
	const ast = parse(source, { modern: true });
	const found: WordsFound[] = [];
	const visit = (node: unknown, parent?: Node): void => {
		if (Array.isArray(node)) return node.forEach((child) => visit(child, parent));
		if (!isNode(node) || node.type === 'StyleSheet') return;
		if (node.type === 'Text' && typeof node.data === 'string' && WORD.test(node.data)) {
			found.push({ line: lineOf(source, node.start), text: node.data.trim() });
			return;
		}
		if (
			node.type === 'Literal' &&
			typeof node.value === 'string' &&
			PHRASE.test(node.value) &&
			!quiet(parent)
		) {
			found.push({ line: lineOf(source, node.start), text: node.value });
			return;
		}
		if (node.type === 'TemplateElement') {
			const raw = (node.value as { raw: string }).raw;
			if (PHRASE.test(raw.trim()) && raw.includes(' '))
				found.push({ line: lineOf(source, node.start), text: raw });
			return;
		}
		if (node.type === 'Attribute' && (notWords(String(node.name)) || isToken(node.value))) return;
		if (node.type === 'ImportDeclaration') return;
		for (const [key, value] of Object.entries(node)) {
			if (key !== 'type' && key !== 'start' && key !== 'end' && key !== 'loc') visit(value, node);
		}
	};
	visit([ast.instance, ast.module, ast.fragment]);
	return found;
}

/** English phrases in a TypeScript module's string literals (not in imports, comparisons or thrown errors). */
export function wordsInModule(source: string, fileName = 'module.ts'): WordsFound[] {
	const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
	const found: WordsFound[] = [];
	const visit = (node: ts.Node): void => {
		if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
		if (ts.isNewExpression(node) && /Error$/.test(node.expression.getText(file))) return;
		if (ts.isCallExpression(node) && /^console\./.test(node.expression.getText(file))) return;
		if (ts.isBinaryExpression(node) && /=/.test(node.operatorToken.getText(file))) {
			if (!ts.isStringLiteralLike(node.right)) visit(node.right);
			return;
		}
		if (ts.isCaseClause(node)) return node.statements.forEach(visit);
		if (ts.isLiteralTypeNode(node)) return;
		// A key of a record of values ({ 'Patient transport': m.… }) names a value, it is not shown.
		if (ts.isPropertyAssignment(node)) return visit(node.initializer);
		const text =
			ts.isStringLiteralLike(node) ||
			ts.isTemplateHead(node) ||
			ts.isTemplateMiddle(node) ||
			ts.isTemplateTail(node)
				? node.text
				: undefined;
		if (
			text !== undefined &&
			PHRASE.test(text.trim()) &&
			(text.includes(' ') || ts.isStringLiteralLike(node))
		) {
			const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
			found.push({ line: line + 1, text });
		}
		ts.forEachChild(node, visit);
	};
	visit(file);
	return found;
}
