/** A trailing-edge debounce whose delay is read at each call, so a changed setting applies at once. */
export interface Debounced<T> {
    (value: T): void;
    /** Runs a pending call now. */
    flush(): void;
    cancel(): void;
}

export function debounce<T>(run: (value: T) => void, delayMs: () => number): Debounced<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let pending: { value: T } | undefined;
    const fire = () => {
        timer = undefined;
        const current = pending;
        pending = undefined;
        if (current) {
            run(current.value);
        }
    };
    const debounced = ((value: T) => {
        pending = { value };
        if (timer !== undefined) {
            clearTimeout(timer);
        }
        const delay = Math.max(0, delayMs());
        if (delay === 0) {
            fire();
        } else {
            timer = setTimeout(fire, delay);
        }
    }) as Debounced<T>;
    debounced.flush = () => {
        if (timer !== undefined) {
            clearTimeout(timer);
        }
        fire();
    };
    debounced.cancel = () => {
        if (timer !== undefined) {
            clearTimeout(timer);
        }
        timer = undefined;
        pending = undefined;
    };
    return debounced;
}
