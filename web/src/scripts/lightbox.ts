/**
 * Keyboard-accessible lightbox for photo albums. Without JavaScript every thumbnail is a plain
 * link to the large image; with it, activating a thumbnail (click or Enter) opens a modal
 * <dialog>: ←/→ move between photos, Escape closes, Tab stays inside, and focus goes back to
 * the thumbnail that opened it.
 */
const init = (root: HTMLElement) => {
  const links = [...root.querySelectorAll<HTMLAnchorElement>('a[data-lightbox-item]')];
  const dialog = document.querySelector<HTMLDialogElement>('dialog.lightbox');
  if (!links.length || !dialog) return;
  const caption = dialog.querySelector<HTMLElement>('figcaption')!;
  // Created here rather than in the markup, and put in only when first shown: an <img> without a
  // source (or a text alternative) is invalid HTML.
  const img = dialog.querySelector<HTMLImageElement>('img') ?? document.createElement('img');
  const count = dialog.querySelector<HTMLElement>('.lb-count')!;
  const prev = dialog.querySelector<HTMLButtonElement>('[data-lb="prev"]')!;
  const next = dialog.querySelector<HTMLButtonElement>('[data-lb="next"]')!;
  const close = dialog.querySelector<HTMLButtonElement>('[data-lb="close"]')!;
  let index = 0;
  let opener: HTMLElement | null = null;

  const show = (i: number) => {
    index = (i + links.length) % links.length;
    const link = links[index]!;
    const thumb = link.querySelector('img');
    img.src = link.getAttribute('href') ?? link.href;
    img.alt = thumb?.alt ?? '';
    if (!img.isConnected) caption.before(img);
    caption.textContent = link.dataset.caption ?? '';
    caption.hidden = !caption.textContent;
    count.textContent = `Ảnh ${index + 1}/${links.length}`;
  };

  const open = (i: number, from: HTMLElement) => {
    opener = from;
    show(i);
    dialog.showModal();
    close.focus();
  };

  const shut = () => {
    if (dialog.open) dialog.close();
  };

  links.forEach((link, i) => {
    link.addEventListener('click', (event) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      open(i, link);
    });
  });
  prev.addEventListener('click', () => show(index - 1));
  next.addEventListener('click', () => show(index + 1));
  close.addEventListener('click', shut);
  // Escape fires "cancel" on a modal dialog; "close" covers every way it closes.
  dialog.addEventListener('close', () => {
    img.removeAttribute('src');
    opener?.focus();
    opener = null;
  });
  // A click on the dark area around the photo closes it too.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) shut();
  });
  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowLeft') {
      event.preventDefault();
      show(index - 1);
    } else if (event.key === 'ArrowRight') {
      event.preventDefault();
      show(index + 1);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      shut();
    } else if (event.key === 'Tab') {
      const focusable = [prev, next, close].filter((b) => !b.hidden);
      const first = focusable[0]!;
      const last = focusable[focusable.length - 1]!;
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      } else if (!focusable.includes(document.activeElement as HTMLButtonElement)) {
        event.preventDefault();
        first.focus();
      }
    }
  });
  if (links.length < 2) {
    prev.hidden = true;
    next.hidden = true;
  }
};

document.querySelectorAll<HTMLElement>('[data-lightbox]').forEach(init);
