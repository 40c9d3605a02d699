// A chart exported as a picture: its SVG, with the page's computed text styles inlined, drawn on a canvas as a PNG.
import { downloadUrl, saveFile } from '../common/saveFile';

/** The chart's SVG (recharts draws one per chart; its legend's icons are smaller ones beside it). */
export const chartSvg = (container: HTMLElement | null): SVGSVGElement | null =>
    container?.querySelector<SVGSVGElement>('.recharts-wrapper > svg') ?? container?.querySelector<SVGSVGElement>('svg') ?? null;

/** The SVG as a standalone document: sized, namespaced, on a white background, in the page's font. */
export const serializeSvg = (svg: SVGSVGElement): { text: string; width: number; height: number } => {
    const box = svg.getBoundingClientRect();
    const width = Math.round(box.width || Number(svg.getAttribute('width')) || 600);
    const height = Math.round(box.height || Number(svg.getAttribute('height')) || 300);
    const copy = svg.cloneNode(true) as SVGSVGElement;
    copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    copy.setAttribute('width', String(width));
    copy.setAttribute('height', String(height));
    copy.setAttribute('style', `background:#fff;font-family:${getComputedStyle(svg).fontFamily || 'sans-serif'};font-size:12px`);
    return { text: new XMLSerializer().serializeToString(copy), width, height };
};

/** Saves the chart in `container` as `name`.png (twice its size on screen, for sharp slides); SVG if a canvas fails. */
export const exportPng = async (container: HTMLElement | null, name: string): Promise<void> => {
    const svg = chartSvg(container);
    if (!svg) return;
    const { text, width, height } = serializeSvg(svg);
    const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
    try {
        const image = new Image();
        await new Promise<void>((resolve, reject) => {
            image.onload = () => resolve();
            image.onerror = () => reject(new Error('the chart could not be drawn'));
            image.src = url;
        });
        const canvas = document.createElement('canvas');
        canvas.width = width * 2;
        canvas.height = height * 2;
        const context = canvas.getContext('2d');
        if (!context) throw new Error('no canvas');
        context.fillStyle = '#fff';
        context.fillRect(0, 0, canvas.width, canvas.height);
        context.scale(2, 2);
        context.drawImage(image, 0, 0, width, height);
        downloadUrl(`${name}.png`, canvas.toDataURL('image/png'));
    } catch {
        saveFile(`${name}.svg`, text, 'image/svg+xml');
    }
};
