package cn.ecoaid.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** The request and response bodies of /api/v1 (docs/sync-api.md). Field names travel in snake_case. */
public final class Dto {
    private Dto() {
    }

    /** Roles, from least to most privileged. */
    public enum Role { MEMBER, TEAM_LEAD, PROVINCIAL_ADMIN, NATIONAL_ADMIN }

    /** Results of one pushed operation. */
    public enum OpStatus { APPLIED, DUPLICATE, CONFLICT, REJECTED, MISSING_BLOB }

    // ---- enrolment and tokens
    /** {@code public_key}: the device's Ed25519 public key, X.509 DER in base64. {@code first_seq}: its first outbox seq to push. */
    public record EnrolRequest(String code, String deviceName, String publicKey, long firstSeq) {
    }

    public record EnrolResponse(String deviceId, String refreshToken, String userId, String teamId, Role role) {
    }

    public record TokenRequest(String deviceId, String refreshToken) {
    }

    public record TokenResponse(String accessToken, long expiresInSeconds, Role role, String teamId) {
    }

    public record Status(String api, long highWater) {
    }

    // ---- push
    /** One changed field: the value the device started from ({@code old}) and the value it wrote ({@code new}). */
    public record Change(JsonNode old, @JsonProperty("new") JsonNode value) {
    }

    /**
     * One outbox operation. {@code seq} is the device's outbox sequence (gap-free); {@code client_time} is for display
     * only — no server decision reads it.
     */
    public record Op(String opId, long seq, String entity, String entityId, String kind, long baseRev,
                     Map<String, Change> changes, List<String> blobs, String clientTime, int schemaVersion) {
    }

    public record PushRequest(String deviceId, String batchId, long firstSeq, List<Op> ops) {
    }

    /** {@code code}: for REJECTED the reason; for DUPLICATE the status the op had when first applied. */
    public record OpResult(String opId, long seq, OpStatus status, long rev, String conflictId, String code) {
    }

    public record PushResponse(List<OpResult> results, long nextSeq, long highWater) {
    }

    // ---- pull
    /** The state of one record after server revision {@code rev}: every field ever set, and the tombstone flag. */
    public record RemoteChange(long rev, String opId, String deviceId, String entity, String entityId, boolean deleted,
                               Map<String, JsonNode> data, String serverTime) {
    }

    public record PullResponse(List<RemoteChange> changes, long next, long highWater, boolean more) {
    }

    // ---- conflicts
    public record FieldConflict(JsonNode base, JsonNode mine, JsonNode theirs) {
    }

    /** {@code kind}: FIELDS (same field, different values) or DELETED (update against a delete, or delete against an update). */
    public record Conflict(String id, String teamId, String entity, String entityId, String kind, String opId,
                           String deviceId, long baseRev, long rev, Map<String, FieldConflict> fields, String status,
                           long resolvedRev, String createdAt) {
    }

    public record ConflictList(List<Conflict> conflicts) {
    }

    /** One version of a record in the platform's op log: who changed which fields, and the record state after it. */
    public record RecordVersion(long rev, String opId, String deviceId, String deviceName, String userName, String kind,
                                List<String> changed, boolean deleted, Map<String, JsonNode> data, String serverTime) {
    }

    /** Every version of one record, oldest first. */
    public record RecordHistory(String entity, String entityId, List<RecordVersion> versions) {
    }

    /** Resolution as a synced operation: {@code op_id} makes it idempotent; {@code values} are the chosen field values. */
    public record ResolveRequest(String opId, Map<String, JsonNode> values) {
    }

    public record ResolveResponse(String conflictId, long rev) {
    }

    // ---- blobs
    public record BlobStart(String sha256, long size) {
    }

    /** {@code received}: chunk indices the server already holds (resume); {@code complete}: the blob is stored. */
    public record BlobUpload(String uploadId, int chunkSize, int chunks, List<Integer> received, boolean complete) {
    }

    public record BlobStored(String sha256, long size) {
    }

    // ---- devices
    public record Revoked(String deviceId) {
    }

    // ---- errors
    public record ErrorBody(String code, String message, Long expectedSeq) {
    }
}
