package cn.ecoaid.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ecoaid.l10n.Messages;
import cn.ecoaid.store.TestWorkspaces;
import cn.ecoaid.store.Workspace;
import cn.ecoaid.ui.main.MainViewModel;
import cn.ecoaid.ui.util.ImmediateUiExecutor;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The status bar tells whether the workspace syncs with a platform, what waits and when the platform last confirmed. */
class MainStatusTest {
    @TempDir
    Path dir;

    @Test
    void statusFollowsTheSyncState() {
        Messages.setCurrent(Messages.CHINESE);
        try (Workspace ws = TestWorkspaces.create(dir)) {
            MainViewModel vm = new MainViewModel(ws, new ImmediateUiExecutor());
            vm.refreshStatus();
            int pending = ws.outbox().pendingCount();
            assertEquals("离线（尚未配置同步服务器）· 待同步 " + pending + " 条", vm.syncStatusProperty().get());
            ws.syncState().putAll(Map.of("server", "http://127.0.0.1:8765", "device_id", "d-1"));
            vm.refreshStatus();
            assertEquals("平台 http://127.0.0.1:8765 · 待同步 " + pending + " 条 · 最近确认同步 从未（UTC）", vm.syncStatusProperty().get());
            ws.syncState().put("last_error", "connection refused");
            vm.refreshStatus();
            assertEquals("平台 http://127.0.0.1:8765 上次同步未成功 · 待同步 " + pending + " 条 · 最近确认同步 从未（UTC）",
                    vm.syncStatusProperty().get());
        }
    }
}
