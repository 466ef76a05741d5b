/**
 * Line magics: {@code %target esp32}, {@code %size q}, {@code %lsmagic}, {@code %doc Model.fit}, …
 *
 * <h2>Writing a magic</h2>
 * One small class per magic, implementing {@link io.tinymlaas.magics.Magic} with a public no-argument
 * constructor (extending {@link io.tinymlaas.magics.NamedMagic}, whose constructor takes the usage
 * line {@code "%name ARGUMENTS  what it does"}, leaves only {@code run} to write), listed in {@code META-INF/services/io.tinymlaas.magics.Magic}; the kernel finds it
 * through {@link java.util.ServiceLoader}. A magic is thin: parse its arguments, call the DSL,
 * return something displayable (any object a cell could show; {@link io.tinymlaas.magics.Page}
 * for the pager; null for nothing). A bad argument throws {@link java.lang.IllegalArgumentException}
 * naming the value and the fix: the notebook shows it with the magic's usage line.
 *
 * <p>Everything of the notebook comes through the {@link io.tinymlaas.magics.MagicContext}
 * passed to {@code run} and {@code complete}; a magic keeps no state of its own:
 * <ul>
 *   <li>variables: {@code variable(name)}, {@code variableNames()} (most recently set last),
 *       {@code latest(QuantizedModel.class)} (the default model), {@code setVariable(name, value)}
 *       (e.g. {@code %devices} could set {@code board});</li>
 *   <li>output: {@code display(value)} returns a display id, {@code updateDisplay(id, value)} redraws
 *       it in place (progress of a deploy, a live view);</li>
 *   <li>■: a long loop checks {@code interrupted()} between steps, or registers
 *       {@code onInterrupt(action)} to close what it is blocked on, and then returns early;</li>
 *   <li>{@code state()}: the {@link io.tinymlaas.magics.NotebookState} (target, open device);</li>
 *   <li>{@code magics()} and {@code documentation(symbol)}, as {@code %lsmagic} and {@code %doc} use them.</li>
 * </ul>
 * Tests run a magic against a context of their own (see the tests of this module).
 */
package io.tinymlaas.magics;
