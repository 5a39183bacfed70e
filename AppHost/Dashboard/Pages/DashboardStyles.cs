namespace Haven.Hosting.Dashboard.Pages;

internal static class DashboardStyles
{
    public const string Css = """
        :root { --fg: #1b1f24; --muted: #5b6470; --line: #d8dde3; --bg: #f6f7f9; --accent: #3559b8;
                --ok: #1a7f37; --warn: #9a6700; --bad: #c62828; font-family: system-ui, sans-serif; font-size: 14px; }
        body { margin: 0; color: var(--fg); background: var(--bg); }
        header { display: flex; gap: 2rem; align-items: center; padding: .6rem 1.2rem; background: #1f2a44; color: #fff; }
        header .brand { font-weight: 700; letter-spacing: .04em; }
        header nav { display: flex; gap: 1.2rem; }
        header a { color: #cfd8ee; text-decoration: none; }
        header a:hover { color: #fff; }
        main { padding: 1rem 1.2rem; }
        h1 { font-size: 1.3rem; margin: 0 0 .8rem; }
        h2 { font-size: 1.05rem; margin: 1.4rem 0 .5rem; }
        a { color: var(--accent); }
        .muted { color: var(--muted); }
        table { border-collapse: collapse; width: 100%; background: #fff; border: 1px solid var(--line); }
        th, td { text-align: left; padding: .35rem .55rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { background: #eef1f5; font-weight: 600; white-space: nowrap; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        .state { font-weight: 600; }
        .state-Healthy { color: var(--ok); }
        .state-Unhealthy, .state-Starting, .state-Waiting, .state-Running { color: var(--warn); }
        .state-Failed, .state-Exited, .error { color: var(--bad); }
        td.actions { white-space: nowrap; }
        td.category { max-width: 16rem; overflow-wrap: anywhere; color: var(--muted); }
        button { font: inherit; padding: .15rem .6rem; margin-right: .3rem; border: 1px solid var(--line); border-radius: 4px; background: #fff; cursor: pointer; }
        button:hover { border-color: var(--accent); }
        button:disabled { opacity: .5; cursor: wait; }
        form.filters { display: flex; flex-wrap: wrap; gap: .8rem; align-items: end; margin-bottom: .8rem; }
        form.filters label, form.login label { display: flex; flex-direction: column; gap: .2rem; color: var(--muted); }
        input, select { font: inherit; padding: .2rem .4rem; }
        form.login { max-width: 32rem; display: flex; flex-direction: column; gap: .8rem; }
        .console { background: #0f1419; color: #d6dde6; font: 12px/1.45 ui-monospace, monospace; padding: .6rem; height: 70vh;
                   overflow: auto; white-space: pre-wrap; word-break: break-all; border-radius: 4px; }
        .console .stderr { color: #ff8a80; }
        .console time { color: #7c8794; margin-right: .6rem; }
        details summary { cursor: pointer; }
        dl.attributes { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; margin: .4rem 0; font-size: 12px; }
        dl.attributes dt { color: var(--muted); }
        dl.attributes dd { margin: 0; word-break: break-all; }
        .waterfall .span { display: grid; grid-template-columns: minmax(18rem, 32%) 1fr; border-bottom: 1px solid var(--line); background: #fff; }
        .waterfall .label { padding: .3rem .5rem; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; cursor: pointer; }
        .waterfall .track { position: relative; border-left: 1px solid var(--line); }
        .waterfall .bar { position: absolute; top: .45rem; height: .9rem; min-width: 2px; border-radius: 2px; }
        .waterfall .bar.error { outline: 2px solid var(--bad); }
        .waterfall .duration { position: absolute; top: .3rem; font-size: 12px; color: var(--muted); white-space: nowrap; }
        .waterfall .details { grid-column: 1 / -1; padding: 0 .8rem .4rem; }
        .service { display: inline-block; padding: 0 .4rem; margin-right: .4rem; border-radius: 3px; color: #fff; font-size: 12px; }
        """;
}
