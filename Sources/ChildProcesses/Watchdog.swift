/// The `sh` wrapper every child runs behind: it ties the child's process group to a pipe whose only write end
/// this process holds, then `exec`s the command (so `$$` is the command itself, with the same process id).
///
/// When the pipe closes — the owner finished with the child, or died, even by `kill -9` — a background
/// watchdog sends SIGTERM to the group, then SIGKILL to whatever is left after the grace period (to the
/// command alone where it leads no group of its own).
/// `PR_SET_PDEATHSIG` would be simpler but fires when the spawning *thread* exits, and Swift's concurrency
/// threads come and go; a pipe is closed only when the process is gone.
enum Watchdog {
    static func script(grace: Duration) -> String {
        let tenths = max(1, Int(grace.components.seconds * 10 + grace.components.attoseconds / 100_000_000_000_000_000))
        return """
            exec 3<&0 0</dev/null
            (
              trap '' TERM INT HUP
              while read -r _ <&3; do :; done
              kill -TERM -$$ 2>/dev/null || kill -TERM $$ 2>/dev/null
              i=0
              while [ "$i" -lt \(tenths) ] && kill -0 $$ 2>/dev/null; do sleep 0.1; i=$((i + 1)); done
              kill -KILL -$$ 2>/dev/null || kill -KILL $$ 2>/dev/null
            ) &
            exec 3<&-
            exec "$@"
            """
    }
}
