-- The session archive, exactly as the recommender seed's postgres-init.sql defines it (columns, types, defaults, index
-- names, function, trigger, views), so the seed's queries and runbook work unchanged. session-service writes it through
-- POST /internal/archives; nothing deletes from it. The seed's "uuid-ossp" extension is left out: nothing uses it.

CREATE TABLE archived_sessions (
    id SERIAL PRIMARY KEY,
    session_id VARCHAR(255) NOT NULL UNIQUE,
    user_id VARCHAR(255) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    archived_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    last_activity_at TIMESTAMP WITH TIME ZONE,
    current_state VARCHAR(100),
    language VARCHAR(10) DEFAULT 'en',
    status VARCHAR(50) DEFAULT 'completed',
    conversation_history JSONB,
    master_parameters JSONB,
    response_json JSONB,
    agent_logs JSONB,
    finalized BOOLEAN DEFAULT FALSE,
    message_count INTEGER DEFAULT 0,
    product_selections_count INTEGER DEFAULT 0,
    session_duration_seconds INTEGER
);

CREATE INDEX idx_archived_sessions_user_id ON archived_sessions (user_id);
-- Redundant with the UNIQUE constraint's own index; kept because the seed names it.
CREATE INDEX idx_archived_sessions_session_id ON archived_sessions (session_id);
CREATE INDEX idx_archived_sessions_archived_at ON archived_sessions (archived_at);
CREATE INDEX idx_archived_sessions_status ON archived_sessions (status);
-- JSONB containment (@>) searches: GET /api/archives?contains=...
CREATE INDEX idx_archived_sessions_conversation_history ON archived_sessions USING GIN (conversation_history);
CREATE INDEX idx_archived_sessions_master_parameters ON archived_sessions USING GIN (master_parameters);
CREATE INDEX idx_archived_sessions_response_json ON archived_sessions USING GIN (response_json);

CREATE OR REPLACE FUNCTION calculate_session_duration()
RETURNS TRIGGER AS $$
BEGIN
    IF NEW.last_activity_at IS NOT NULL AND NEW.created_at IS NOT NULL THEN
        NEW.session_duration_seconds := EXTRACT(EPOCH FROM (NEW.last_activity_at - NEW.created_at))::INTEGER;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER trigger_calculate_session_duration
    BEFORE INSERT OR UPDATE ON archived_sessions
    FOR EACH ROW
    EXECUTE FUNCTION calculate_session_duration();

-- Every user's sessions together: operators only (mandate-service's ops CLI), never through /api.
CREATE VIEW session_summary_stats AS
SELECT
    COUNT(*) AS total_sessions,
    COUNT(DISTINCT user_id) AS unique_users,
    AVG(message_count) AS avg_messages_per_session,
    AVG(session_duration_seconds) AS avg_session_duration_sec,
    COUNT(*) FILTER (WHERE finalized = TRUE) AS finalized_sessions,
    COUNT(*) FILTER (WHERE status = 'completed') AS completed_sessions,
    COUNT(*) FILTER (WHERE status = 'abandoned') AS abandoned_sessions
FROM archived_sessions;

-- One row per user: GET /api/archives/stats answers the caller's own row.
CREATE VIEW user_session_history AS
SELECT
    user_id,
    COUNT(*) AS total_sessions,
    AVG(message_count) AS avg_messages,
    AVG(session_duration_seconds) AS avg_duration_sec,
    MAX(archived_at) AS last_session_date,
    COUNT(*) FILTER (WHERE finalized = TRUE) AS finalized_count
FROM archived_sessions
GROUP BY user_id;
