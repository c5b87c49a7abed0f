// The few things Blazor cannot do from .NET (ADR 0025 part D). Loaded as a module: the policy allows no inline script.

// The composer: Enter sends, Shift+Enter is a new line, and an Enter that belongs to an IME composition (Korean,
// Japanese, Chinese input: event.isComposing, or keyCode 229 in browsers that report the composing key that way)
// only ends the composition. The decision is made here, synchronously, where the key event is.
export function attachComposer(textarea, dotnet) {
    textarea.addEventListener('keydown', event => {
        if (event.key === 'Escape' && !event.isComposing) {
            // Cancels a reply or an edit (an Escape during a composition only cancels the composition).
            dotnet.invokeMethodAsync('CancelFromKeyboard');
            return;
        }
        if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) {
            return;
        }
        event.preventDefault();
        const text = textarea.value;
        if (text.trim().length === 0) {
            return;
        }
        textarea.value = '';
        dotnet.invokeMethodAsync('SendFromKeyboard', text);
    });
}

export function focus(element) {
    if (element) {
        element.focus();
    }
}

export function scrollToEnd(element) {
    if (element) {
        element.scrollTop = element.scrollHeight;
    }
}

export function markReady() {
    document.documentElement.setAttribute('data-ready', 'true');
}

// The composer's box is not bound to .NET (re-rendering its value during a composition could break it): these read
// and write it.
export function takeText(textarea) {
    const text = textarea.value;
    textarea.value = '';
    return text;
}

export function setText(textarea, text) {
    textarea.value = text;
}

// Cropping before upload (PictureUpload): a preview address for the chosen file, its size as shown (browsers apply
// the EXIF orientation, as the server does), and dragging the frame. The frame's position lives in two range inputs
// (the keyboard's and screen reader's way); a drag moves them and tells Blazor with an input event.
export function createObjectUrl(bytes, contentType) {
    return URL.createObjectURL(new Blob([bytes], { type: contentType || 'application/octet-stream' }));
}

export function revokeObjectUrl(url) {
    URL.revokeObjectURL(url);
}

export function imageSize(url) {
    return new Promise(resolve => {
        const image = new Image();
        image.onload = () => resolve(image.naturalWidth > 0 ? { width: image.naturalWidth, height: image.naturalHeight } : null);
        image.onerror = () => resolve(null);
        image.src = url;
    });
}

export function attachCropDrag(frame, across, down) {
    let start = null;
    frame.addEventListener('pointerdown', event => {
        const box = frame.parentElement.getBoundingClientRect();
        const own = frame.getBoundingClientRect();
        start = {
            x: event.clientX, y: event.clientY,
            across: Number(across.value), down: Number(down.value),
            travelX: box.width - own.width, travelY: box.height - own.height,
        };
        frame.setPointerCapture(event.pointerId);
        event.preventDefault();
    });
    frame.addEventListener('pointermove', event => {
        if (!start) {
            return;
        }
        move(across, start.across, event.clientX - start.x, start.travelX);
        move(down, start.down, event.clientY - start.y, start.travelY);
    });
    const end = () => { start = null; };
    frame.addEventListener('pointerup', end);
    frame.addEventListener('pointercancel', end);
}

function move(input, from, delta, travel) {
    if (travel <= 0) {
        return;
    }
    const value = Math.min(100, Math.max(0, Math.round(from + 100 * delta / travel)));
    if (String(value) !== input.value) {
        input.value = String(value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
    }
}

// Brings a message into view and gives it the focus (a reply's quote leads to its original).
export function showElement(id) {
    const element = document.getElementById(id);
    if (element) {
        element.scrollIntoView({ block: 'center' });
        element.focus();
    }
}

export function focusById(id) {
    const element = document.getElementById(id);
    if (element) {
        element.focus();
    }
}
